// Decodability of the card's identity QR (issue 11, qr.decodedPercent): each token rendered as the
// card renders it (the mask the card's read-back picks, then qrcode's SVG, at the card's size on a
// Pixel 7 screen: 20rem at DPR 2.625), read by html5-qrcode's own scanFile in Debian's Chromium.
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";
import QRCode from "qrcode";
import { crispQrPixels, readableMask, type Zxing } from "../../packages/core/src/universal/qr-readback.ts";

const require = createRequire(path.join(import.meta.dirname, "../../apps/citizen/package.json"));
const zxing = require("html5-qrcode/third_party/zxing-js.umd.js") as Zxing;
/** The card's QR box (20rem) on a Pixel 7 (device pixel ratio 2.625). */
const CARD_PIXELS = 840;
/** The white padding of that box (0.5rem), part of what the camera sees around the code. */
const BOX_PADDING = 21;

export async function measureDecodability(tokens: string[]): Promise<{ decoded: number; of: number; unreadable: number }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
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
      const code = (await QRCode.toString(token, { type: "svg", errorCorrectionLevel: "M", maskPattern, margin: 4 }))
        .replace("<svg ", `<svg x="${BOX_PADDING}" y="${BOX_PADDING}" width="${pixels}" height="${pixels}" `);
      // The box around it, white as on the card (scanFile pads the picture with transparent black).
      const outer = pixels + 2 * BOX_PADDING;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${outer}" height="${outer}"><rect width="100%" height="100%" fill="#fff"/>${code.replace(/^<\?xml[^>]*>/, "")}</svg>`;
      const read = await page.evaluate(async (markup) => {
        // As the scan page configures it: QR codes only (qr-readers.ts).
        const { Html5Qrcode, Html5QrcodeSupportedFormats } = globalThis as unknown as {
          Html5Qrcode: new (id: string, config: { formatsToSupport: number[]; verbose: boolean }) => { scanFile(file: File, show: boolean): Promise<string> };
          Html5QrcodeSupportedFormats: { QR_CODE: number };
        };
        const scanner = new Html5Qrcode("reader", { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], verbose: false });
        return scanner.scanFile(new File([markup], "qr.svg", { type: "image/svg+xml" }), false).catch(() => null);
      }, svg);
      if (read === token) decoded++;
    }
    return { decoded, of: tokens.length, unreadable };
  } finally {
    await browser.close();
  }
}
