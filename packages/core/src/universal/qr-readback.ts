import QRCode from "qrcode";

// A QR is shown only once the scanner our apps use has read it back (OFFLINE-NOTES: zxing-js, in
// html5-qrcode, misreads some valid codes, most of them with mask pattern 2). Browser-safe: the
// card checks its identity QRs with it, the officer console its activation QRs.

/** The parts of zxing-js (html5-qrcode/third_party/zxing-js.umd.js) the check needs. */
export interface Zxing {
  MultiFormatReader: new (verbose: boolean, hints: Map<number, unknown>) => { decode(bitmap: unknown): { text: string } };
  BinaryBitmap: new (binarizer: unknown) => unknown;
  HybridBinarizer: new (source: unknown) => unknown;
  RGBLuminanceSource: new (luminance: Uint8ClampedArray, width: number, height: number) => unknown;
  DecodeHintType: { POSSIBLE_FORMATS: number; TRY_HARDER: number };
  BarcodeFormat: { QR_CODE: number };
}

/**
 * The first mask, the encoder's own choice first, whose code zxing-js reads back drawn at 3 and 5 pixels a module, and at
 * `shownScale` (the pixels a module covers where it is shown); null when none does.
 */
export function readableMask(zxing: Zxing, text: string, shownScale?: number): QRCode.QRCodeMaskPattern | null {
  const scales = [...new Set([3, 5, ...(shownScale ? [shownScale] : [])])];
  const automatic = QRCode.create(text, { errorCorrectionLevel: "M" });
  if (readsBack(zxing, automatic.modules, text, scales)) return automatic.maskPattern as QRCode.QRCodeMaskPattern;
  for (const mask of [0, 1, 3, 4, 5, 6, 7, 2] as const) {
    if (mask !== automatic.maskPattern && readsBack(zxing, QRCode.create(text, { errorCorrectionLevel: "M", maskPattern: mask }).modules, text, scales)) return mask;
  }
  return null;
}

function readsBack(zxing: Zxing, modules: QRCode.BitMatrix, text: string, scales: number[]): boolean {
  return scales.every((scale) => decodeModules(zxing, modules, scale) === text);
}

/** What zxing-js reads from the modules drawn at `scale` pixels each, with the standard quiet zone. */
export function decodeModules(z: Zxing, modules: QRCode.BitMatrix, scale: number): string | null {
  const quiet = 4;
  const width = (modules.size + 2 * quiet) * scale;
  const luminance = new Uint8ClampedArray(width * width).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) luminance.fill(0, ((row + quiet) * scale + dy) * width + (col + quiet) * scale, ((row + quiet) * scale + dy) * width + (col + quiet + 1) * scale);
    }
  }
  // The same hints html5-qrcode passes.
  const hints = new Map<number, unknown>([[z.DecodeHintType.POSSIBLE_FORMATS, [z.BarcodeFormat.QR_CODE]], [z.DecodeHintType.TRY_HARDER, false]]);
  try {
    return new z.MultiFormatReader(false, hints).decode(new z.BinaryBitmap(new z.HybridBinarizer(new z.RGBLuminanceSource(luminance, width, width)))).text;
  } catch {
    return null;
  }
}

/**
 * The largest size within `available` device pixels at which each module of a `modules`-wide code
 * (plus the 4-module quiet zone on each side) covers whole pixels: no blurred module edges, which
 * zxing-js misreads on some codes once they are resampled.
 */
export function crispQrPixels(modules: number, available: number): number {
  const width = modules + 8;
  return Math.max(1, Math.floor(available / width)) * width;
}
