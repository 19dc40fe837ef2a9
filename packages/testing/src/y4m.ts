import { writeFileSync } from "node:fs";
import sharp from "sharp";

/**
 * Writes a Y4M video (4:2:0) from still images, for Chromium's fake camera
 * (--use-file-for-fake-video-capture). Chromium loops it.
 */
export async function writeY4m(file: string, frames: Buffer[], { width, height, fps = 10 }: { width: number; height: number; fps?: number }) {
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const frame of frames) {
    const rgb = await sharp(frame).resize(width, height, { fit: "cover" }).removeAlpha().raw().toBuffer();
    parts.push(Buffer.from("FRAME\n"), toI420(rgb, width, height));
  }
  writeFileSync(file, Buffer.concat(parts));
}

/** Full-range BT.601 RGB → YUV 4:2:0, as JPEG (and C420jpeg) uses. */
function toI420(rgb: Buffer, width: number, height: number): Buffer {
  const ySize = width * height;
  const cw = width >> 1;
  const ch = height >> 1;
  const out = Buffer.alloc(ySize + 2 * cw * ch);
  for (let i = 0; i < ySize; i++) {
    const r = rgb[i * 3]!,
      g = rgb[i * 3 + 1]!,
      b = rgb[i * 3 + 2]!;
    out[i] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0,
        g = 0,
        b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((y * 2 + dy) * width + x * 2 + dx) * 3;
        r += rgb[p]!;
        g += rgb[p + 1]!;
        b += rgb[p + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      out[ySize + y * cw + x] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      out[ySize + cw * ch + y * cw + x] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  return out;
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
