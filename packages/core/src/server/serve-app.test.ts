import { describe, expect, it } from "vitest";
import { identifyClient, isDecodablePath } from "./serve-app.ts";

const request = (remoteAddress: string, forwardedFor?: string) => ({
  socket: { remoteAddress } as never,
  headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
});

describe("identifyClient", () => {
  const trusted = new Set(["10.0.0.5", "10.0.0.6"]);

  it("takes the socket's address and ignores X-Forwarded-For from anyone not trusted (a forged header buys nothing)", () => {
    expect(identifyClient(request("198.51.100.7", "1.2.3.4"), trusted)).toEqual({ ip: "198.51.100.7", viaProxy: false });
    expect(identifyClient(request("::ffff:198.51.100.7"), trusted)).toEqual({ ip: "198.51.100.7", viaProxy: false });
  });

  it("behind trusted proxies, takes the right-most address they did not add", () => {
    expect(identifyClient(request("10.0.0.5", "1.2.3.4, 198.51.100.7"), trusted)).toEqual({ ip: "198.51.100.7", viaProxy: true });
    expect(identifyClient(request("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.6"), trusted)).toEqual({ ip: "198.51.100.7", viaProxy: true });
    expect(identifyClient(request("10.0.0.5", "not-an-ip, 198.51.100.7"), trusted)).toEqual({ ip: "198.51.100.7", viaProxy: true });
  });

  it("falls back to the proxy's own address when it forwarded nothing usable", () => {
    expect(identifyClient(request("10.0.0.5", "garbage"), trusted)).toEqual({ ip: "10.0.0.5", viaProxy: true });
  });
});

describe("isDecodablePath", () => {
  it("accepts escapes of UTF-8, whatever they decode to, and ignores the query", () => {
    for (const url of ["/", "/api/residents/6472051708850001", "/api/x/%00", "/api/x/%2F..%2F", "/api/%E2%82%AC", "/api/health?x=%zz"]) {
      expect(isDecodablePath(url), url).toBe(true);
    }
  });

  it("refuses broken escapes and bytes that are not UTF-8, which Next answers with a bare 500", () => {
    for (const url of ["/api/x%zz", "/api/%", "/api/residents/%80", "/api/%C0%AE", "/api/%ED%A0%80", "/api/%E0%A4%A"]) {
      expect(isDecodablePath(url), url).toBe(false);
    }
  });
});
