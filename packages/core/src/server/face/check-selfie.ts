import "server-only";
import { describeFace } from "./face-model.ts";

export interface SelfieCheck {
  accepted: true;
  /** The face's width in pixels, and the detector's confidence. */
  faceWidth: number;
  confidence: number;
}

/** Whether a selfie can be matched at all: one face, large enough, whole. Throws FACE_* otherwise. */
export async function checkSelfie({ image }: { image: Uint8Array }): Promise<SelfieCheck> {
  const face = await describeFace(image);
  return { accepted: true, faceWidth: Math.round(face.box.width), confidence: Math.round(face.confidence * 1000) / 1000 };
}
