// The scan page's two QR readers: html5-qrcode (zxing-js) on the camera, and zxing-wasm (ZXing-C++)
// for the frames it has not read within two seconds, and for uploaded pictures. Browser only.

const SECOND_READER_AFTER_MS = 2000;
const SECOND_READER_EVERY_MS = 400;
const WASM_URL = "/zxing/zxing_reader.wasm";

type ZxingReader = typeof import("zxing-wasm/reader");
let zxing: Promise<ZxingReader> | undefined;

/** zxing-wasm, with its WebAssembly from this origin (never a CDN). */
function loadZxing(): Promise<ZxingReader> {
  return (zxing ??= import("zxing-wasm/reader").then((module) => {
    module.prepareZXingModule({ overrides: { locateFile: (file: string, prefix: string) => (file.endsWith(".wasm") ? WASM_URL : prefix + file) } });
    return module;
  }));
}

async function readWithZxing(input: Blob | ImageData): Promise<string | null> {
  const { readBarcodes } = await loadZxing();
  const [found] = await readBarcodes(input, { formats: ["QRCode"], tryHarder: true, maxNumberOfSymbols: 1 });
  return found?.isValid ? found.text : null;
}

/** The text of the first QR code in a picture, or null. */
export const readQrFromFile = (file: Blob) => readWithZxing(file);

export interface CameraScan {
  stop(): Promise<void>;
}

/**
 * Opens the back camera in `elementId` and calls `onText` once with the first code either reader
 * finds. `onSecondReader` says when zxing-wasm joins in.
 */
export async function startCameraScan(elementId: string, onText: (text: string) => void, onSecondReader: () => void): Promise<CameraScan> {
  const { Html5Qrcode, Html5QrcodeSupportedFormats } = await import("html5-qrcode");
  const reader = new Html5Qrcode(elementId, { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], verbose: false });
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = async () => {
    done = true;
    clearTimeout(timer);
    await reader.stop().catch(() => undefined);
    reader.clear();
  };
  const found = (text: string) => {
    if (done) return;
    void stop().then(() => onText(text));
  };
  await reader.start({ facingMode: "environment" }, { fps: 10 }, found, () => undefined);

  // The second reader: the same camera's frames, read by ZXing-C++.
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const readFrame = async () => {
    const video = document.querySelector<HTMLVideoElement>(`#${elementId} video`);
    if (done || !video || !context || video.videoWidth === 0) return;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const text = await readWithZxing(context.getImageData(0, 0, canvas.width, canvas.height)).catch(() => null);
    if (text) found(text);
  };
  const loop = async () => {
    if (done) return;
    await readFrame();
    if (!done) timer = setTimeout(() => void loop(), SECOND_READER_EVERY_MS);
  };
  timer = setTimeout(() => {
    if (done) return;
    onSecondReader();
    void loop();
  }, SECOND_READER_AFTER_MS);
  return { stop };
}
