import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { writeY4m } from "./y4m.ts";

// Chromium shows a wrongly converted clip as a green or washed-out camera, and the face and QR
// tests then fail for no visible reason: the conversion is checked on a plain red frame.
describe("writeY4m", () => {
  it("writes a header and one full-range BT.601 4:2:0 frame per image", async () => {
    const red = await sharp({ create: { width: 4, height: 2, channels: 3, background: "#ff0000" } })
      .png()
      .toBuffer();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "y4m-")), "clip.y4m");
    await writeY4m(file, [red, red], { width: 4, height: 2 });

    const bytes = readFileSync(file);
    const header = "YUV4MPEG2 W4 H2 F10:1 Ip A1:1 C420jpeg\n";
    expect(bytes.subarray(0, header.length).toString()).toBe(header);
    // "FRAME\n", then Y at full size and U and V at half width and half height.
    const frame = "FRAME\n".length + 4 * 2 + 2 * (2 * 1);
    expect(bytes.length).toBe(header.length + 2 * frame);
    const y = header.length + "FRAME\n".length;
    expect([...bytes.subarray(y, y + 8)]).toEqual(Array(8).fill(76));
    expect([...bytes.subarray(y + 8, y + 12)]).toEqual([85, 85, 255, 255]);
  });
});
