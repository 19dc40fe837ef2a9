import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCleanText } from "./text.ts";

describe("isCleanText", () => {
  it("refuses a lone surrogate anywhere and accepts pairs, as the lookbehind regex it replaces did", () => {
    expect(isCleanText("Budi 👋 Santoso")).toBe(true);
    for (const bad of ["\uD800", "\uDC00", "a\uD800b", "a\uDC00b", "\uDC00\uD800", "👋\uDC00", "\uD83D", "x\uD83D"]) expect(isCleanText(bad), JSON.stringify(bad)).toBe(false);
    const reference = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "é", "👋"), { maxLength: 12 }), (parts) => {
        const value = parts.join("");
        expect(isCleanText(value)).toBe(!reference.test(value));
      }),
    );
  });
});
