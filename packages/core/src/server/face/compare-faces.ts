import "server-only";
import { type FaceDecision, decideFaceMatch, similarityScore } from "../../universal/face.ts";
import { describeFace } from "./face-model.ts";

export interface CompareFacesOptions {
  /** The photo to check, e.g. a selfie. */
  probe: Uint8Array;
  /** The photo of record, e.g. the e-KTP photo. */
  reference: Uint8Array;
}

export interface FaceComparison {
  score: number;
  distance: number;
  decision: FaceDecision;
  ms: number;
}

/** Compares the one face in each photo; throws FACE_* or IMAGE_UNREADABLE when a photo can't be used. */
export async function compareFaces({ probe, reference }: CompareFacesOptions): Promise<FaceComparison> {
  const started = performance.now();
  const [a, b] = await Promise.all([describeFace(probe), describeFace(reference)]);
  return { ...decide(a.descriptor, b.descriptor), ms: Math.round(performance.now() - started) };
}

/** Score, distance and decision for two face descriptors. */
export function decide(a: Float32Array, b: Float32Array): Omit<FaceComparison, "ms"> {
  const distance = euclidean(a, b);
  return { score: similarityScore(distance), distance: Math.round(distance * 10000) / 10000, decision: decideFaceMatch(distance) };
}

export function euclidean(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}
