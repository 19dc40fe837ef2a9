import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import { AppError } from "../../universal/errors.ts";
import { MIN_FACE_PIXELS } from "../../universal/face.ts";

// The face model: @vladmandic/face-api (SSD MobileNet v1 detector, 68-point landmarks for
// alignment, a 128-D ResNet recogniser) on TensorFlow.js' WebAssembly backend. Weights ship
// inside the npm package and load from disk; nothing is downloaded at run time.

// Resolved from the working directory (the repository or an app in it), not import.meta.url:
// inside a Next.js bundle that require would return module ids instead of file paths.
const require = createRequire(path.join(process.cwd(), "package.json"));
type FaceApi = typeof import("@vladmandic/face-api");
/** The TensorFlow.js instance face-api's node-wasm build uses (the same CommonJS module). */
const tf = () => require("@tensorflow/tfjs") as typeof import("@tensorflow/tfjs");

/** Larger images are refused before they are decoded: about 12 MP, more than any phone selfie needs. */
const MAX_IMAGE_PIXELS = 12_000_000;
/** Largest side an image is scaled down to before detection; detection itself works at 512 px. */
const MAX_SIDE = 640;
/** A second face counts when it is at least this fraction of the largest face's width. */
const SECOND_FACE_RATIO = 0.5;
/** A face is cut off by the frame when more of its 68 landmarks than this fall outside the picture. */
const MAX_LANDMARKS_OUTSIDE = 0.1;
/** Margin added on each side before detection, as a fraction of the longer side. */
const PAD_RATIO = 0.25;

export interface FaceDescription {
  descriptor: Float32Array;
  /** Face box width and height in pixels of the original image. */
  box: { x: number; y: number; width: number; height: number };
  /** Detector confidence, 0–1. */
  confidence: number;
  /** How many faces the detector saw (counting only those near the largest in size). */
  faces: number;
  /** Share of the face's landmarks that fall outside the picture. */
  outside: number;
}

let model: Promise<FaceApi> | undefined;

export function loadFaceModel(): Promise<FaceApi> {
  model ??= (async () => {
    const faceapi = require("@vladmandic/face-api/dist/face-api.node-wasm.js") as FaceApi;
    const wasm = require("@tensorflow/tfjs-backend-wasm") as typeof import("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(`${path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json"))}/dist/`);
    await tf().setBackend("wasm");
    await tf().ready();
    const weights = path.join(path.dirname(require.resolve("@vladmandic/face-api/package.json")), "model");
    await faceapi.nets.tinyFaceDetector.loadFromDisk(weights);
    await faceapi.nets.ssdMobilenetv1.loadFromDisk(weights);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(weights);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(weights);
    return faceapi;
  })();
  return model;
}

/**
 * Finds the faces in an image and describes the largest. With `single`, refuses images with no
 * usable face, several faces, or a face under MIN_FACE_PIXELS, each with its own AppError.
 */
export async function describeFace(image: Uint8Array, { single = true } = {}): Promise<FaceDescription> {
  const faceapi = await loadFaceModel();
  const { data, width, height, scale, margin } = await decode(image);
  const tensor = tf().tensor3d(data, [height, width, 3], "int32");
  try {
    // The tiny detector takes ~100 ms here, SSD MobileNet ~400 ms; SSD only runs when tiny sees
    // nothing (tight, passport-style crops). Tiny may miss small bystanders in group photos; selfies
    // reach us after the browser's own one-face check. See docs/decisions/006-face-matching.md.
    let detections = await faceapi.detectAllFaces(tensor as never, new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }));
    if (detections.length === 0) {
      detections = await faceapi.detectAllFaces(tensor as never, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5, maxResults: 10 }));
    }
    if (detections.length === 0) throw new AppError("FACE_NOT_FOUND");
    const largest = detections.reduce((a, b) => (b.box.width > a.box.width ? b : a));
    const faces = detections.filter((d) => d.box.width >= largest.box.width * SECOND_FACE_RATIO).length;
    if (single && faces > 1) throw new AppError("FACE_MULTIPLE");
    const box = { x: (largest.box.x - margin) / scale, y: (largest.box.y - margin) / scale, width: largest.box.width / scale, height: largest.box.height / scale };
    if (single && Math.min(box.width, box.height) < MIN_FACE_PIXELS) throw new AppError("FACE_TOO_SMALL");

    // Landmarks align the face; the descriptor is computed for the chosen face only.
    const [face] = await new faceapi.DetectAllFaceLandmarksTask(Promise.resolve([{ detection: largest }]), tensor as never, false).withFaceDescriptors();
    if (!face) throw new AppError("FACE_NOT_FOUND");
    const outside = face.landmarks.positions.filter((p) => p.x < margin || p.y < margin || p.x > width - margin || p.y > height - margin).length / face.landmarks.positions.length;
    if (single && outside > MAX_LANDMARKS_OUTSIDE) throw new AppError("FACE_CROPPED");
    return { descriptor: face.descriptor, box, confidence: largest.score, faces, outside };
  } finally {
    tensor.dispose();
  }
}

async function decode(image: Uint8Array) {
  try {
    const pipeline = sharp(image, { failOn: "error", limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
    const { width = 0, height = 0 } = await pipeline.metadata();
    const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
    // A margin around the picture: the detector misses faces that fill the whole frame, as in
    // passport-style e-KTP photos and tight crops.
    const margin = Math.round(Math.max(width, height) * scale * PAD_RATIO);
    const { data, info } = await pipeline
      .resize({ width: Math.round(width * scale), height: Math.round(height * scale), fit: "fill" })
      .extend({ top: margin, bottom: margin, left: margin, right: margin, background: { r: 128, g: 128, b: 128 } })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data: new Int32Array(data), width: info.width, height: info.height, scale: (info.width - 2 * margin) / width, margin };
  } catch (cause) {
    throw new AppError("IMAGE_UNREADABLE", { cause });
  }
}
