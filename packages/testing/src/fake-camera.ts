import { mkdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { writeY4m } from "./y4m.ts";

// Clips for Chromium's fake camera. The face model that finds the eyes is passed in (core's
// loadFaceModel), so this package depends on no domain code.

type FaceApi = typeof import("@vladmandic/face-api");
const SIZE = { width: 480, height: 640 };

/** A portrait camera frame with `face` (a passport-style crop) in the middle. */
export async function cameraFrame(face: Buffer): Promise<Buffer> {
  const scaled = await sharp(face).resize({ width: 300 }).toBuffer();
  const { height = 0 } = await sharp(scaled).metadata();
  return sharp({ create: { ...SIZE, channels: 3, background: "#5b6470" } })
    .composite([{ input: scaled, left: 90, top: Math.round((SIZE.height - height) / 2) }])
    .png()
    .toBuffer();
}

/** The same frame with both eyes painted shut, from face-api's 68 landmarks (points 36–47). */
export async function closeEyes(frame: Buffer, faceapi: FaceApi): Promise<Buffer> {
  const { data, info } = await sharp(frame).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const tf = (await import("@tensorflow/tfjs")) as unknown as { tensor3d: (...a: unknown[]) => { dispose(): void } };
  const tensor = tf.tensor3d(new Int32Array(data), [info.height, info.width, 3], "int32");
  const found = await faceapi.detectSingleFace(tensor as never, new faceapi.TinyFaceDetectorOptions({ inputSize: 416 })).withFaceLandmarks();
  tensor.dispose();
  if (!found) throw new Error("No face in the fake camera frame.");
  const points = found.landmarks.positions;
  // Skin colour from the cheek, below the left eye.
  const cheek = points[1]!;
  const eye41 = points[41]!;
  const sx = Math.round((cheek.x + eye41.x) / 2);
  const sy = Math.round(eye41.y + (points[2]!.y - eye41.y) / 2);
  const pixel = (sy * info.width + sx) * info.channels;
  const skin = `rgb(${data[pixel]},${data[pixel + 1]},${data[pixel + 2]})`;
  const lids = [points.slice(36, 42), points.slice(42, 48)].map((eye) => {
    const xs = eye.map((p) => p.x),
      ys = eye.map((p) => p.y);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2,
      cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const rx = (Math.max(...xs) - Math.min(...xs)) * 0.75,
      ry = Math.max(6, (Math.max(...ys) - Math.min(...ys)) * 1.6);
    return `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${skin}"/><path d="M ${cx - rx} ${cy + 1} Q ${cx} ${cy + ry * 0.5} ${cx + rx} ${cy + 1}" stroke="#2b1d16" stroke-width="2" fill="none"/>`;
  });
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${info.width}" height="${info.height}">${lids.join("")}</svg>`);
  return sharp(frame)
    .composite([{ input: svg }])
    .png()
    .toBuffer();
}

/** Writes `<dir>/<name>-still.y4m` (a photo held up: no blink) and `<dir>/<name>-blink.y4m`. */
export async function writeFakeCameras(dir: string, name: string, face: Buffer, faceapi: FaceApi) {
  mkdirSync(dir, { recursive: true });
  const open = await cameraFrame(face);
  const shut = await closeEyes(open, faceapi);
  const still = path.join(dir, `${name}-still.y4m`);
  const blink = path.join(dir, `${name}-blink.y4m`);
  await writeY4m(still, [open], SIZE);
  await writeY4m(blink, [...new Array<Buffer>(12).fill(open), ...new Array<Buffer>(4).fill(shut), ...new Array<Buffer>(12).fill(open)], SIZE);
  return { still, blink, open, shut };
}
