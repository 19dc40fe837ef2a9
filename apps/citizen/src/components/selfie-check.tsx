"use client";
import { useState } from "react";
import type { ErrorBody, Locale } from "@ktp/core/universal/errors";
import type { CitizenMessages } from "@/messages";
import { SelfieCapture } from "./selfie-capture.tsx";

type State = { kind: "camera" } | { kind: "checking"; url: string } | { kind: "accepted"; url: string } | { kind: "refused"; url: string; message: string };

/** Takes a selfie with the browser pre-check, then asks the server whether it can be matched. */
export function SelfieCheck({ locale, t }: { locale: Locale; t: CitizenMessages["selfie"] }) {
  const [state, setState] = useState<State>({ kind: "camera" });
  const [attempt, setAttempt] = useState(0);

  async function check(photo: Blob) {
    const url = URL.createObjectURL(photo);
    setState({ kind: "checking", url });
    try {
      const response = await fetch("/api/selfie/check", { method: "POST", headers: { "content-type": "image/jpeg", "accept-language": locale }, body: photo });
      if (response.ok) return setState({ kind: "accepted", url });
      setState({ kind: "refused", url, message: ((await response.json()) as ErrorBody).error.messages[locale] });
    } catch {
      setState({ kind: "refused", url, message: t.failed });
    }
  }

  if (state.kind === "camera") return <SelfieCapture key={attempt} t={t} onCapture={check} />;
  return (
    <div className="selfie">
      {/* eslint-disable-next-line @next/next/no-img-element -- a local blob, not an optimisable asset */}
      <img className="selfie-preview" src={state.url} alt={t.previewLabel} />
      <div aria-live="polite" data-testid="selfie-result">
        {state.kind === "checking" && <p>{t.checking}</p>}
        {state.kind === "accepted" && <p className="result ok">{t.accepted}</p>}
        {state.kind === "refused" && <p className="result bad">{state.message}</p>}
      </div>
      {state.kind !== "checking" && (
        <button className="button secondary" type="button" onClick={() => (setAttempt((n) => n + 1), setState({ kind: "camera" }))}>
          {t.retake}
        </button>
      )}
    </div>
  );
}
