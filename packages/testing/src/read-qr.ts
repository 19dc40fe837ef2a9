import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import sharp from "sharp";

// Reads a QR from a screenshot as the verifier's scan page does: html5-qrcode's zxing-js first,
// then zxing-wasm (apps/verifier/src/qr-readers.ts), so a test can say that what the screen shows
// decodes, not just what the DOM holds.

const require = createRequire(import.meta.url);
/** What this file uses of zxing-js, which ships inside html5-qrcode without types. */
interface ZxingJs {
  MultiFormatReader: new (verbose: boolean, hints: Map<number, unknown>) => { decode(bitmap: unknown): { text: string } };
  BinaryBitmap: new (binarizer: unknown) => unknown;
  HybridBinarizer: new (source: unknown) => unknown;
  RGBLuminanceSource: new (luminance: Uint8ClampedArray, width: number, height: number) => unknown;
  DecodeHintType: Record<"POSSIBLE_FORMATS" | "TRY_HARDER", number>;
  BarcodeFormat: { QR_CODE: number };
}
const zxing = require("html5-qrcode/third_party/zxing-js.umd.js") as ZxingJs;

/** The QR's text as the scan page reads it, or null. */
export async function readQrFromImage(image: Uint8Array): Promise<string | null> {
  return (await readWithZxingJs(image)) ?? (await readWithZxingWasm(image));
}

let wasmReader: Promise<typeof import("zxing-wasm/reader")> | undefined;

/** ZXing-C++, with its WebAssembly read from node_modules (never fetched). */
async function readWithZxingWasm(image: Uint8Array): Promise<string | null> {
  wasmReader ??= import(require.resolve("zxing-wasm/reader")).then((module: typeof import("zxing-wasm/reader")) => {
    const wasmBinary = readFileSync(require.resolve("zxing-wasm/reader/zxing_reader.wasm"));
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
    const hints = new Map<number, unknown>([
      [zxing.DecodeHintType.POSSIBLE_FORMATS, [zxing.BarcodeFormat.QR_CODE]],
      [zxing.DecodeHintType.TRY_HARDER, tryHarder],
    ]);
    try {
      const source = new zxing.RGBLuminanceSource(luminance, info.width, info.height);
      return new zxing.MultiFormatReader(false, hints).decode(new zxing.BinaryBitmap(new zxing.HybridBinarizer(source))).text;
    } catch {
      // try harder, then give up
    }
  }
  return null;
}
