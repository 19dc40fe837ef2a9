import { NextRequest } from "next/server";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header.js";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isOriginAllowed, permissionsPolicy, securityHeaders, securityProxy } from "./security-headers.ts";

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
      "content-security-policy", "cross-origin-opener-policy", "cross-origin-resource-policy", "permissions-policy",
      "referrer-policy", "strict-transport-security", "x-content-type-options", "x-frame-options",
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

describe("securityProxy", () => {
  // The request's own host is the evil one: the allowed origin comes from configuration only.
  const request = (method: string, headers: Record<string, string> = {}, path = "/api/registrations") =>
    new NextRequest(`https://evil.example${path}`, { method, headers });
  const proxy = (req: NextRequest, cameraPaths?: string[]) => securityProxy(req, { publicOrigin: ORIGIN, cameraPaths, dev: false });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses a %s from another origin with 403 ORIGIN_REFUSED, in Indonesian", async (method) => {
    const response = proxy(request(method, { origin: "https://evil.example" }));
    expect(response.status).toBe(403);
    expect(response.headers.get("x-middleware-next")).toBeNull();
    const body = await response.json();
    expect(body.error.code).toBe("ORIGIN_REFUSED");
    expect(body.error.message).toBe(body.error.messages.id);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("answers in English when asked", async () => {
    const viaHeader = await proxy(request("POST", { origin: "null", "accept-language": "en-US,en" })).json();
    expect(viaHeader.error.message).toBe(viaHeader.error.messages.en);
    const viaCookie = await proxy(request("POST", { origin: "null", cookie: "a=b; lang=en" })).json();
    expect(viaCookie.error.message).toBe(viaCookie.error.messages.en);
  });

  it("passes the app's own and origin-less requests on, with the CSP (and its nonce) for Next.js to render with", () => {
    for (const req of [request("POST", { origin: ORIGIN }), request("DELETE"), request("GET", { origin: "https://evil.example" }), request("OPTIONS", { origin: "null" })]) {
      const response = proxy(req);
      expect(response.headers.get("x-middleware-next")).toBe("1");
      const csp = response.headers.get("content-security-policy")!;
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
      expect(getScriptNonceFromHeader(csp)).toBeTruthy();
    }
  });

  it("overrides a CSP the client sent, so its nonce is never one the client chose", () => {
    const response = proxy(request("GET", { "content-security-policy": "script-src 'nonce-chosen'" }, "/"));
    expect(response.headers.get("x-middleware-request-content-security-policy")).not.toContain("chosen");
  });

  it("gives each response a fresh nonce and the full set of headers", () => {
    const a = proxy(request("GET", {}, "/")).headers;
    const b = proxy(request("GET", {}, "/")).headers;
    expect(getScriptNonceFromHeader(a.get("content-security-policy")!)).not.toBe(getScriptNonceFromHeader(b.get("content-security-policy")!));
    expect(a.get("strict-transport-security")).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(a.get("x-content-type-options")).toBe("nosniff");
    expect(a.get("x-frame-options")).toBe("DENY");
  });

  it("allows the camera on the camera pages only (exact paths)", () => {
    const camera = (path: string) => proxy(request("GET", {}, path), ["/daftar/swafoto"]).headers.get("permissions-policy");
    expect(camera("/daftar/swafoto")).toMatch(/^camera=\(self\)/);
    for (const path of ["/", "/daftar", "/daftar/swafoto/x", "/daftar/swafotox", "/api/registrations/current/selfie"]) expect(camera(path)).toMatch(/^camera=\(\)/);
  });
});
