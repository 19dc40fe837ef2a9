import { describe, expect, it } from "vitest";
import { cookieSpec } from "./cookies.ts";

describe("cookieSpec", () => {
  it("uses the __Host- prefix and Secure over https, from configuration only", () => {
    expect(cookieSpec("ktp_sesi", "https://ktp-digital.id")).toEqual({ name: "__Host-ktp_sesi", secure: true });
    expect(cookieSpec("ktp_sesi", "http://localhost:3000")).toEqual({ name: "ktp_sesi", secure: false });
  });
});
