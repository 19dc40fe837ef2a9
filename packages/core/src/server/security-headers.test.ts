import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header.js";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isOriginAllowed, permissionsPolicy, securityDecision, securityHeaders } from "./security-headers.ts";

const ORIGIN = "http://localhost:3000";
const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("createNonce", () => {
  it("is 128 random bits in base64, fresh each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});

describe("contentSecurityPolicy", () => {
  const nonce = createNonce();
  const csp = contentSecurityPolicy({ nonce });

  it("is a nonce-based strict policy that Next.js reads its nonce from", () => {
    const d = directives(csp);
    expect(d.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "'wasm-unsafe-eval'"]);
    expect(d.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(getScriptNonceFromHeader(csp)).toBe(nonce);
  });

  it("allows no inline script or eval outside development", () => {
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    const dev = directives(contentSecurityPolicy({ nonce, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("upgrades insecure requests only when the app is served over https", () => {
    expect(directives(csp).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ nonce, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("permissionsPolicy", () => {
  it("allows the camera to the page's own origin only when asked", () => {
    expect(permissionsPolicy()).toMatch(/^camera=\(\), /);
    expect(permissionsPolicy({ camera: true })).toMatch(/^camera=\(self\), /);
    expect(permissionsPolicy({ camera: true })).toContain("microphone=()");
  });
});

describe("securityHeaders", () => {
  it("has every header the apps promise", () => {
    expect(Object.keys(securityHeaders({ nonce: createNonce() })).sort()).toEqual([
      "content-security-policy",
      "cross-origin-opener-policy",
      "cross-origin-resource-policy",
      "permissions-policy",
      "referrer-policy",
      "strict-transport-security",
      "x-content-type-options",
      "x-frame-options",
    ]);
  });

  it("never uses no-referrer, under which browsers send Origin: null on same-origin POSTs", () => {
    expect(securityHeaders({ nonce: createNonce() })["referrer-policy"]).toBe("same-origin");
  });
});

describe("isOriginAllowed", () => {
  it.each<[string, Record<string, string>, boolean]>([
    ["the app's own origin", { origin: ORIGIN }, true],
    ["the own origin with cross-site fetch metadata", { origin: ORIGIN, "sec-fetch-site": "cross-site" }, true],
    ["another origin", { origin: "https://evil.example" }, false],
    ["another port", { origin: "http://localhost:3001" }, false],
    ["the own host over another scheme", { origin: "https://localhost:3000" }, false],
    ["Origin: null", { origin: "null" }, false],
    ["an empty Origin", { origin: "" }, false],
    ["the own origin with a trailing slash", { origin: `${ORIGIN}/` }, false],
    ["no Origin and no fetch metadata (curl, scripts)", {}, true],
    ["no Origin, same-origin fetch metadata", { "sec-fetch-site": "same-origin" }, true],
    ["no Origin, user-initiated navigation", { "sec-fetch-site": "none" }, true],
    ["no Origin, cross-site fetch metadata", { "sec-fetch-site": "cross-site" }, false],
    ["no Origin, same-site fetch metadata", { "sec-fetch-site": "same-site" }, false],
  ])("%s → %s", (_, headers, allowed) => {
    expect(isOriginAllowed(new Headers(headers), ORIGIN)).toBe(allowed);
  });
});

describe("securityDecision", () => {
  // The request's own host plays no part: the allowed origin comes from configuration only.
  const decide = (method: string, headers: Record<string, string> = {}, pathname = "/api/registrations", cameraPaths?: string[]) =>
    securityDecision({ method, pathname, headers: new Headers(headers) }, { publicOrigin: ORIGIN, cameraPaths, dev: false });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses a %s from another origin, with the security headers on the refusal", (method) => {
    const { refused, headers } = decide(method, { origin: "https://evil.example" });
    expect(refused).toBe(true);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("passes the app's own and origin-less requests on, with a CSP whose nonce Next.js can read", () => {
    for (const [method, headers] of [
      ["POST", { origin: ORIGIN }],
      ["DELETE", {}],
      ["GET", { origin: "https://evil.example" }],
      ["OPTIONS", { origin: "null" }],
    ] as const) {
      const decision = decide(method, headers);
      expect(decision.refused).toBe(false);
      expect(getScriptNonceFromHeader(decision.headers["content-security-policy"]!)).toBeTruthy();
    }
  });

  it("gives each response a fresh nonce and the full set of headers", () => {
    const a = decide("GET", {}, "/").headers;
    const b = decide("GET", {}, "/").headers;
    expect(getScriptNonceFromHeader(a["content-security-policy"]!)).not.toBe(getScriptNonceFromHeader(b["content-security-policy"]!));
    expect(a["strict-transport-security"]).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(a["x-content-type-options"]).toBe("nosniff");
    expect(a["x-frame-options"]).toBe("DENY");
  });

  it("allows the camera on the camera pages only (exact paths)", () => {
    const camera = (path: string) => decide("GET", {}, path, ["/daftar/swafoto"]).headers["permissions-policy"];
    expect(camera("/daftar/swafoto")).toMatch(/^camera=\(self\)/);
    for (const path of ["/", "/daftar", "/daftar/swafoto/x", "/daftar/swafotox", "/api/registrations/current/selfie"]) expect(camera(path)).toMatch(/^camera=\(\)/);
  });
});
