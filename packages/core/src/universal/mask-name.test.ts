import { describe, expect, it } from "vitest";
import { maskName } from "./mask-name.ts";

describe("maskName", () => {
  it("keeps two letters of each word", () => {
    expect(maskName("SITI NURHALIZA PUTRI")).toBe("SI** NU******* PU***");
  });
  it("keeps one letter of very short words and collapses spaces", () => {
    expect(maskName("  AL  ZA ")).toBe("A* Z*");
  });
});
