// Face matching decisions, shared by the server (which decides) and the UIs (which explain).

export type FaceDecision = "match" | "review" | "no_match";

/**
 * Euclidean distance between 128-D face descriptors. Calibrated on ../shared/faces; the figures
 * and the reasoning are in docs/benchmarks.md ("Face matching calibration").
 */
export const FACE_THRESHOLDS = {
  /** At or below: the same person. */
  match: 0.5,
  /** Above match, at or below this: an officer compares the photos. Above: not the same person. */
  review: 0.6,
} as const;

/** The smallest face, in pixels of the submitted image, that is matched at all. */
export const MIN_FACE_PIXELS = 80;

export function decideFaceMatch(distance: number): FaceDecision {
  if (distance <= FACE_THRESHOLDS.match) return "match";
  if (distance <= FACE_THRESHOLDS.review) return "review";
  return "no_match";
}

/** Similarity shown to people: 1 for identical descriptors, 0 at distance 1 or more. */
export function similarityScore(distance: number): number {
  return Math.round(Math.max(0, 1 - distance) * 1000) / 1000;
}
