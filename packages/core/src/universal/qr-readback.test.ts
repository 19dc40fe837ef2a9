import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { loadZxing, readableMask, readableMaskYielding } from "./qr-readback.ts";

test("the yielding read-back (the card's) finds the same mask as the synchronous one (the counter's)", async () => {
  const zxing = await loadZxing();
  // Token-like texts of a card QR's length.
  const texts = Array.from({ length: 24 }, (_, i) => `KTP1:${createHash("sha512").update(String(i)).digest("base64url").repeat(4).slice(0, 300)}`);
  for (const text of texts) expect(await readableMaskYielding(zxing, text, 7)).toBe(readableMask(zxing, text, 7));
});
