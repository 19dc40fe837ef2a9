import { describe, expect, it } from "vitest";
import { scrub, scrubPath } from "./log.ts";

describe("log scrubbing", () => {
  it("keeps NIKs, NIPs, tokens and query strings out of log lines", () => {
    expect(scrubPath("/api/residents/6472051708850001/reset?x=1")).toBe("/api/residents/[nik]/reset");
    expect(scrubPath("/aktivasi?t=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")).toBe("/aktivasi");
    expect(scrub("officer 198703152010012001 failed")).toBe("officer [nip] failed");
    expect(scrub("Key (nik)=(6472051708850001) already exists")).toBe("Key (nik)=([nik]) already exists");
    expect(scrub("token abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH_-")).toBe("token [token]");
    expect(scrub("2026-12-02T07:11:13.168Z took 12 ms")).toBe("2026-12-02T07:11:13.168Z took 12 ms");
  });
});
