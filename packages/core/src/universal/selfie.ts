// What the citizen app tells a person while the camera runs. The browser only guides; the
// server's face match is the only decision that counts.

export type SelfieGuidance = "NO_FACE" | "MULTIPLE_FACES" | "MOVE_CLOSER" | "MOVE_BACK" | "CENTER_FACE" | "BLINK" | "OPEN_EYES" | "READY";

export interface FrameFace {
  /** [x, y, width, height] in pixels of the frame. */
  box: readonly [number, number, number, number];
}

export interface SelfieFrame {
  faces: readonly FrameFace[];
  width: number;
  height: number;
  /** A blink was seen earlier in this session (liveness: a printed photo does not blink). */
  blinked: boolean;
  /** The eyes are closed in this frame. */
  eyesClosed: boolean;
}

export const SELFIE_RULES = {
  /** The face must be at least this share of the frame's width… */
  minFaceShare: 0.28,
  /** …and at most this share (too close distorts the face). */
  maxFaceShare: 0.8,
  /** How far the face centre may be from the frame centre, as a share of each side. */
  maxCentreOffset: 0.15,
  /** A second face counts when it is at least this share of the largest face's width (as on the server). */
  secondFaceRatio: 0.5,
} as const;

export function evaluateSelfieFrame({ faces, width, height, blinked, eyesClosed }: SelfieFrame): SelfieGuidance {
  if (faces.length === 0) return "NO_FACE";
  const largest = faces.reduce((a, b) => (b.box[2] > a.box[2] ? b : a));
  const [x, y, w, h] = largest.box;
  if (faces.filter((f) => f.box[2] >= w * SELFIE_RULES.secondFaceRatio).length > 1) return "MULTIPLE_FACES";
  if (w < width * SELFIE_RULES.minFaceShare) return "MOVE_CLOSER";
  if (w > width * SELFIE_RULES.maxFaceShare) return "MOVE_BACK";
  const dx = Math.abs(x + w / 2 - width / 2) / width;
  const dy = Math.abs(y + h / 2 - height / 2) / height;
  if (dx > SELFIE_RULES.maxCentreOffset || dy > SELFIE_RULES.maxCentreOffset) return "CENTER_FACE";
  if (!blinked) return "BLINK";
  if (eyesClosed) return "OPEN_EYES";
  return "READY";
}

type Point = readonly (number | undefined)[];

// MediaPipe face-mesh indices: upper lid, lower lid, and the two corners of each eye.
const EYES = [
  [159, 145, 33, 133],
  [386, 374, 362, 263],
] as const;

/** Eye aspect ratio (lid gap over eye width), averaged over both eyes; about 0.25–0.35 when open. */
export function eyeOpenness(mesh: readonly Point[]): number {
  const gap = (a: Point, b: Point) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
  const ratios = EYES.map(([up, down, left, right]) => gap(mesh[up]!, mesh[down]!) / Math.max(1, gap(mesh[left]!, mesh[right]!)));
  return (ratios[0]! + ratios[1]!) / 2;
}

/**
 * Watches eye openness frame by frame. A blink is the eyes closing to under 60 % of the person's
 * own open-eye level and opening again: a printed photo or a screen held still never does it.
 */
export class BlinkDetector {
  private open = 0;
  private closing = false;
  blinked = false;

  /** Feeds one frame; returns whether the eyes are closed in it. */
  update(openness: number): boolean {
    // The open-eye level follows the highest recent values and slowly forgets them.
    this.open = Math.max(openness, this.open * 0.98);
    const closed = this.open > 0 && openness < this.open * 0.6;
    if (closed) this.closing = true;
    else if (this.closing && openness > this.open * 0.8) {
      this.blinked = true;
      this.closing = false;
    }
    return closed;
  }
}
