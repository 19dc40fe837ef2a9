import { describe, expect, it } from "vitest";
import { evaluateSelfieFrame, type FrameFace } from "./selfie.ts";

const W = 720;
const H = 960;
const centred: FrameFace = { box: [210, 300, 300, 360] };
const frame = (faces: FrameFace[], extra: Partial<Parameters<typeof evaluateSelfieFrame>[0]> = {}) => evaluateSelfieFrame({ faces, width: W, height: H, blinked: true, eyesClosed: false, ...extra });

describe("evaluateSelfieFrame", () => {
  it("is ready for one large, centred face that has blinked and has its eyes open", () => {
    expect(frame([centred])).toBe("READY");
  });

  it("asks for a face, then for only one face", () => {
    expect(frame([])).toBe("NO_FACE");
    expect(frame([centred, { box: [20, 20, 200, 240] }])).toBe("MULTIPLE_FACES");
  });

  it("ignores a small face far behind the person", () => {
    expect(frame([centred, { box: [20, 20, 60, 70] }])).toBe("READY");
  });

  it("asks to come closer, to move back, and to centre", () => {
    expect(frame([{ box: [310, 420, 100, 120] }])).toBe("MOVE_CLOSER");
    expect(frame([{ box: [40, 200, 640, 700] }])).toBe("MOVE_BACK");
    expect(frame([{ box: [20, 300, 300, 360] }])).toBe("CENTER_FACE");
  });

  it("needs a blink before anything is captured, and open eyes when it is", () => {
    expect(frame([centred], { blinked: false })).toBe("BLINK");
    expect(frame([centred], { eyesClosed: true })).toBe("OPEN_EYES");
  });
});

describe("BlinkDetector", () => {
  it("sees a blink when the eyes close and open again", async () => {
    const { BlinkDetector } = await import("./selfie.ts");
    const detector = new BlinkDetector();
    const closed = [0.3, 0.31, 0.3, 0.12, 0.1, 0.29, 0.3].map((v) => detector.update(v));
    expect(closed).toEqual([false, false, false, true, true, false, false]);
    expect(detector.blinked).toBe(true);
  });

  it("sees no blink in a still photo or in small jitter", async () => {
    const { BlinkDetector } = await import("./selfie.ts");
    const detector = new BlinkDetector();
    for (const v of [0.3, 0.29, 0.31, 0.28, 0.3, 0.27, 0.3]) detector.update(v);
    expect(detector.blinked).toBe(false);
  });

  it("does not count eyes that close and never open", async () => {
    const { BlinkDetector } = await import("./selfie.ts");
    const detector = new BlinkDetector();
    for (const v of [0.3, 0.3, 0.1, 0.1, 0.1]) detector.update(v);
    expect(detector.blinked).toBe(false);
  });
});
