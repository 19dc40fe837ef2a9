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

let zxing: Promise<Zxing> | undefined;

/**
 * html5-qrcode's own copy of zxing-js (the reader the citizen app and the verifier's scan page
 * run), loaded on first use. A dynamic import, so it resolves from this module in the browser, in
 * a Next.js server bundle and under tsx alike, whatever the working directory.
 */
export function loadZxing(): Promise<Zxing> {
  return (zxing ??= import("html5-qrcode/third_party/zxing-js.umd.js").then((m) => ((m as { default?: unknown }).default ?? m) as unknown as Zxing));
}

/**
 * Where the shown code may sit against the reader's 8-pixel binarizer blocks (HybridBinarizer):
 * zxing-js reads about one code in a hundred at some alignments and not at others (a picture given
 * to html5-qrcode's scanFile sits 100 px + the box's padding in). Every alignment along the
 * diagonal is tried; measured on 200 codes, a mask read at all eight was read at every other
 * offset tried too (8–15, 121, 200, 333).
 */
const ALIGNMENTS = [0, 1, 2, 3, 4, 5, 6, 7];

/**
 * The first mask, the encoder's own choice first, whose code zxing-js reads back drawn at 3 and 5
 * pixels a module, and at `shownScale` (the pixels a module covers where it is shown) in every
 * alignment to the binarizer's blocks; null when none does.
 */
export function readableMask(zxing: Zxing, text: string, shownScale?: number): QRCode.QRCodeMaskPattern | null {
  const search = searchMasks(zxing, text, shownScale);
  for (let step = search.next(); ; step = search.next()) if (step.done) return step.value;
}

/**
 * readableMask in the browser: the same search, giving the page back its main thread after each
 * decode (each is one short task instead of one task of a second or more on a slow phone, which
 * Lighthouse counted as blocking time on /kartu; issue 13 item 9).
 */
export async function readableMaskYielding(zxing: Zxing, text: string, shownScale?: number): Promise<QRCode.QRCodeMaskPattern | null> {
  const search = searchMasks(zxing, text, shownScale);
  for (let step = search.next(); ; step = search.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Yields after each decode; returns the mask found, or null. */
function* searchMasks(zxing: Zxing, text: string, shownScale?: number): Generator<void, QRCode.QRCodeMaskPattern | null> {
  const draws = [...(shownScale ? ALIGNMENTS.map((offset) => ({ scale: shownScale, offset })) : []), ...[3, 5].filter((scale) => scale !== shownScale).map((scale) => ({ scale, offset: 0 }))];
  const automatic = QRCode.create(text, { errorCorrectionLevel: "M" });
  if (yield* readsBack(zxing, automatic.modules, text, draws)) return automatic.maskPattern as QRCode.QRCodeMaskPattern;
  for (const mask of [0, 1, 3, 4, 5, 6, 7, 2] as const) {
    if (mask !== automatic.maskPattern && (yield* readsBack(zxing, QRCode.create(text, { errorCorrectionLevel: "M", maskPattern: mask }).modules, text, draws))) return mask;
  }
  return null;
}

/** Every draw reads back as `text` (stops at the first that does not). */
function* readsBack(zxing: Zxing, modules: QRCode.BitMatrix, text: string, draws: { scale: number; offset: number }[]): Generator<void, boolean> {
  for (const { scale, offset } of draws) {
    const read = decodeModules(zxing, modules, scale, offset);
    yield;
    if (read !== text) return false;
  }
  return true;
}

/** What zxing-js reads from the modules drawn at `scale` pixels each, with the standard quiet zone and `offset` more white pixels around. */
export function decodeModules(z: Zxing, modules: QRCode.BitMatrix, scale: number, offset = 0): string | null {
  const quiet = 4;
  const origin = quiet * scale + offset;
  const width = (modules.size + 2 * quiet) * scale + 2 * offset;
  const luminance = new Uint8ClampedArray(width * width).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const line = (origin + row * scale + dy) * width + origin;
        luminance.fill(0, line + col * scale, line + (col + 1) * scale);
      }
    }
  }
  // The same hints html5-qrcode passes.
  const hints = new Map<number, unknown>([
    [z.DecodeHintType.POSSIBLE_FORMATS, [z.BarcodeFormat.QR_CODE]],
    [z.DecodeHintType.TRY_HARDER, false],
  ]);
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
