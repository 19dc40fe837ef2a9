import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import type { Zxing } from "../../packages/core/src/universal/qr-readback.ts";

// Reads a QR from a screenshot as the verifier's scan page does: html5-qrcode's zxing-js first,
// then zxing-wasm (apps/verifier/src/qr-readers.ts), so a test can say that what the screen shows
// decodes, not just what the DOM holds.

const require = createRequire(path.join(import.meta.dirname, "../../packages/core/package.json"));
const zxing = require("html5-qrcode/third_party/zxing-js.umd.js") as Zxing;
const verifierRequire = createRequire(path.join(import.meta.dirname, "../../apps/verifier/package.json"));

/** The QR's text as the scan page reads it, or null. */
export async function readQrFromImage(image: Uint8Array): Promise<string | null> {
  return (await readWithZxingJs(image)) ?? (await readWithZxingWasm(image));
}

let wasmReader: Promise<typeof import("zxing-wasm/reader")> | undefined;

/** ZXing-C++, with its WebAssembly read from node_modules (never fetched). */
async function readWithZxingWasm(image: Uint8Array): Promise<string | null> {
  wasmReader ??= import(verifierRequire.resolve("zxing-wasm/reader")).then((module: typeof import("zxing-wasm/reader")) => {
    const wasmBinary = readFileSync(verifierRequire.resolve("zxing-wasm/reader/zxing_reader.wasm"));
    module.prepareZXingModule({ overrides: { wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) } });
    return module;
  });
  const [found] = await (await wasmReader).readBarcodes(image, { formats: ["QRCode"], tryHarder: true, maxNumberOfSymbols: 1 });
  return found?.isValid ? found.text : null;
}

/** html5-qrcode's zxing-js: its hints first, then trying harder. */
async function readWithZxingJs(image: Uint8Array): Promise<string | null> {
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
