import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";

// Photos that ship inside @vladmandic/face-api (its demo group photos), for tests that must pass
// on any machine and as stand-in e-KTP photos of the demo residents. From
// one group photo, faces are different people by construction.

const demoDir = path.join(path.dirname(createRequire(import.meta.url).resolve("@vladmandic/face-api/package.json")), "demo");
export const groupPhoto = (n: 1 | 2 | 3 | 4 | 5 | 6) => path.join(demoDir, `sample${n}.jpg`);

/** Face boxes (x, y, width, height) in sample1.jpg, as SSD MobileNet finds them; three different women. */
export const SAMPLE1_FACES = [
  { left: 414, top: 355, width: 177 },
  { left: 838, top: 421, width: 186 },
  { left: 1476, top: 199, width: 203 },
] as const;

/** A passport-style crop of one face: the face with a margin, as an e-KTP photo frames it. */
export async function cropFace(photo: string, face: { left: number; top: number; width: number }, size = 360): Promise<Buffer> {
  const margin = face.width * 0.6;
  const image = sharp(photo);
  const { width = 0, height = 0 } = await image.metadata();
  const left = Math.max(0, Math.round(face.left - margin));
  const top = Math.max(0, Math.round(face.top - margin));
  const side = Math.round(face.width + 2 * margin);
  return image
    .extract({ left, top, width: Math.min(side, width - left), height: Math.min(Math.round(side * 1.15), height - top) })
    .resize({ width: size })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The same face taken again: mirrored, turned a little, lit differently, compressed harder, other size. */
export function retake(image: Buffer): Promise<Buffer> {
  return sharp(image).flop().rotate(7, { background: "#808080" }).modulate({ brightness: 1.15 }).resize({ width: 300 }).jpeg({ quality: 60 }).toBuffer();
}
