// Decodability of the card's identity QR (issue 11, qr.decodedPercent): each token rendered as the
// card renders it (the mask the card's read-back picks, then qrcode's bitmap at whole pixels per
// module of the card's box on a Pixel 7: 20rem at DPR 2.625), read by html5-qrcode's own scanFile in
// Debian's Chromium.
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";
import QRCode from "qrcode";
import sharp from "sharp";
import { crispQrPixels, readableMask, type Zxing } from "@ktp/core/universal/qr-readback";
import { scriptEnv } from "../lib/env.ts";

const require = createRequire(path.join(import.meta.dirname, "../../apps/citizen/package.json"));
const zxing = require("html5-qrcode/third_party/zxing-js.umd.js") as Zxing;
/** The card's QR box (20rem) on a Pixel 7 (device pixel ratio 2.625). */
const CARD_PIXELS = 840;
/** The white padding of that box (0.5rem), part of what the camera sees around the code. */
const BOX_PADDING = 21;

export async function measureDecodability(tokens: string[]): Promise<{ decoded: number; of: number; unreadable: number }> {
  const browser = await chromium.launch({ executablePath: scriptEnv.chromiumPath(), args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await page.setContent(`<div id="reader" style="width:${CARD_PIXELS}px"></div>`);
    await page.addScriptTag({ path: require.resolve("html5-qrcode/html5-qrcode.min.js") });
    let decoded = 0;
    let unreadable = 0;
    for (const token of tokens) {
      // What identity-qr.tsx does before it shows a QR: a mask its reader reads, or none shown.
      // The card draws each module on whole device pixels, and reads back at that scale too.
      const modules = QRCode.create(token, { errorCorrectionLevel: "M" }).modules.size;
      const pixels = crispQrPixels(modules, CARD_PIXELS);
      const maskPattern = readableMask(zxing, token, pixels / (modules + 8));
      if (maskPattern === null) {
        unreadable++;
        continue;
      }
      // The card's bitmap (QRCode.toCanvas at that scale), in the box's white padding (scanFile
      // pads a picture with transparent black).
      const bitmap = await QRCode.toBuffer(token, { type: "png", errorCorrectionLevel: "M", maskPattern, margin: 4, scale: pixels / (modules + 8) });
      const png = await sharp(bitmap).extend({ top: BOX_PADDING, bottom: BOX_PADDING, left: BOX_PADDING, right: BOX_PADDING, background: "#ffffff" }).png().toBuffer();
      const read = await page.evaluate(async (base64) => {
        // As the scan page configures it: QR codes only (qr-readers.ts).
        const { Html5Qrcode, Html5QrcodeSupportedFormats } = globalThis as unknown as {
          Html5Qrcode: new (id: string, config: { formatsToSupport: number[]; verbose: boolean }) => { scanFile(file: File, show: boolean): Promise<string> };
          Html5QrcodeSupportedFormats: { QR_CODE: number };
        };
        const scanner = new Html5Qrcode("reader", { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], verbose: false });
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        return scanner.scanFile(new File([bytes], "qr.png", { type: "image/png" }), false).catch(() => null);
      }, png.toString("base64"));
      if (read === token) decoded++;
    }
    return { decoded, of: tokens.length, unreadable };
  } finally {
    await browser.close();
  }
}
