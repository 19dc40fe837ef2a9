import { describe, expect, it } from "vitest";
import { identifyClient } from "./serve-app.ts";

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
