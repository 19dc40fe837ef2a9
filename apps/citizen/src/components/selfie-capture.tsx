"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { BlinkDetector, evaluateSelfieFrame, eyeOpenness, type SelfieGuidance } from "@ktp/core/universal/selfie";
import type { CitizenMessages } from "@/messages";
import { useHydrated } from "@ktp/ui/use-hydrated";

// next.config.ts aliases this to human's browser build (its "node" build wants @tensorflow/tfjs-node).
type Human = InstanceType<typeof import("@vladmandic/human").Human>;
const loadHuman = () => import("@vladmandic/human");
type Phase = "idle" | "loading" | "running" | "denied" | "noCamera" | "unsupported" | "failed";

/** Consecutive READY frames before the picture is taken, so a passing glance doesn't count. */
const READY_FRAMES = 3;

// Human runs on WebAssembly with models the app serves itself (public/models, copied from npm).
const HUMAN_CONFIG = {
  backend: "wasm",
  wasmPath: "/models/wasm/",
  modelBasePath: "/models/human/",
  debug: false,
  async: true,
  warmup: "none",
  cacheSensitivity: 0,
  filter: { enabled: true, equalization: false, flip: false },
  face: {
    enabled: true,
    detector: { rotation: false, maxDetected: 3, minConfidence: 0.5, return: false },
    mesh: { enabled: true },
    iris: { enabled: true },
    attention: { enabled: false },
    emotion: { enabled: false },
    description: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  segmentation: { enabled: false },
  gesture: { enabled: true },
} as const;

/** `onUnavailable` hears when this device has no camera it can use, so the page can offer the phone instead. */
export function SelfieCapture({ t, onCapture, onUnavailable }: { t: CitizenMessages["selfie"]; onCapture: (photo: Blob) => void; onUnavailable?: () => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [guidance, setGuidance] = useState<SelfieGuidance | null>(null);
  const hydrated = useHydrated();

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  async function start() {
    if (!navigator.mediaDevices?.getUserMedia) {
      onUnavailable?.();
      return setPhase("unsupported");
    }
    setPhase("loading");
    let human: Human;
    try {
      streamRef.current = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "user", width: { ideal: 720 }, height: { ideal: 960 } },
        audio: false,
      });
    } catch (error) {
      const denied = (error as DOMException).name === "NotAllowedError";
      if (!denied) onUnavailable?.();
      return setPhase(denied ? "denied" : "noCamera");
    }
    try {
      const { Human } = await loadHuman();
      human = new Human(HUMAN_CONFIG);
      await human.load();
      const video = videoRef.current!;
      video.srcObject = streamRef.current;
      await video.play();
    } catch {
      stop();
      return setPhase("failed");
    }
    setPhase("running");
    void watch(human);
  }

  async function watch(human: Human) {
    const video = videoRef.current!;
    const blink = new BlinkDetector();
    let ready = 0;
    let frames = 0;
    while (streamRef.current) {
      const result = await human.detect(video);
      const mesh = result.face.length === 1 ? result.face[0]!.mesh : [];
      const openness = mesh.length >= 468 ? eyeOpenness(mesh) : null;
      const eyesClosed = openness !== null && blink.update(openness);
      const next = evaluateSelfieFrame({
        faces: result.face.map((f) => ({ box: f.box })),
        width: video.videoWidth,
        height: video.videoHeight,
        blinked: blink.blinked,
        eyesClosed,
      });
      setGuidance(next);
      if (openness !== null) videoRef.current?.setAttribute("data-eyes", openness.toFixed(3));
      // How many frames liveness has looked at: tests wait on it rather than on the clock.
      videoRef.current?.setAttribute("data-frames", String(++frames));
      ready = next === "READY" ? ready + 1 : 0;
      if (ready >= READY_FRAMES) {
        const photo = await grab(video);
        stop();
        onCapture(photo);
        return;
      }
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  const message = phase === "running" && guidance ? t.guidance[guidance] : phase === "loading" ? t.loading : null;
  return (
    <div className="selfie">
      <div className="selfie-frame" data-phase={phase}>
        <video ref={videoRef} playsInline muted aria-label={t.videoLabel} />
        <div className="selfie-oval" aria-hidden="true" />
      </div>
      <p className="selfie-guidance" role="status" aria-live="polite" data-guidance={phase === "running" ? (guidance ?? "") : phase}>
        {message ?? ""}
      </p>
      {phase === "denied" && (
        <p className="field-error" role="alert">
          {t.denied}
        </p>
      )}
      {phase === "noCamera" && (
        <p className="field-error" role="alert">
          {t.noCamera}
        </p>
      )}
      {phase === "unsupported" && (
        <p className="field-error" role="alert">
          {t.unsupported}
        </p>
      )}
      {phase === "failed" && (
        <p className="field-error" role="alert">
          {t.failed}
        </p>
      )}
      {(phase === "idle" || phase === "denied" || phase === "noCamera" || phase === "failed") && (
        <button className="button" type="button" onClick={start} disabled={!hydrated}>
          {t.start}
        </button>
      )}
    </div>
  );
}

function grab(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext("2d")!.drawImage(video, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toBlob"))), "image/jpeg", 0.9));
}
