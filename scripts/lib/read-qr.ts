import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import type { Zxing } from "../../packages/core/src/universal/qr-readback.ts";

// Reads a QR from a screenshot with the reader the apps scan with (html5-qrcode's zxing-js), so a
// test can say that what the screen shows decodes, not just what the DOM holds.

const require = createRequire(path.join(import.meta.dirname, "../../packages/core/package.json"));
const zxing = require("html5-qrcode/third_party/zxing-js.umd.js") as Zxing;

/** The QR's text as html5-qrcode reads it (its hints first, then trying harder), or null. */
export async function readQrFromImage(image: Uint8Array): Promise<string | null> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  const luminance = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
  for (const tryHarder of [false, true]) {
    const hints = new Map<number, unknown>([[zxing.DecodeHintType.POSSIBLE_FORMATS, [zxing.BarcodeFormat.QR_CODE]], [zxing.DecodeHintType.TRY_HARDER, tryHarder]]);
    try {
      const source = new zxing.RGBLuminanceSource(luminance, info.width, info.height);
      return new zxing.MultiFormatReader(false, hints).decode(new zxing.BinaryBitmap(new zxing.HybridBinarizer(source))).text;
    } catch {
      // try harder, then give up
    }
  }
  return null;
}
