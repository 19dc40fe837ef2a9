"use client";
import { useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import type { RegistrationView } from "@ktp/core/universal/registration";
import { post } from "@ktp/ui/api-client";
import type { CitizenMessages } from "@/messages";
import { stepPath } from "@/registration-steps";
import { SelfieCapture } from "./selfie-capture.tsx";

type State = { kind: "camera" } | { kind: "checking"; url: string } | { kind: "refused"; url: string; message: string };

/** Takes a selfie with the browser pre-check and submits it to be matched with the e-KTP photo. */
export function SelfieStep({ locale, t }: { locale: Locale; t: CitizenMessages["selfie"] }) {
  const [state, setState] = useState<State>({ kind: "camera" });
  const [attempt, setAttempt] = useState(0);

  async function submit(photo: Blob) {
    const url = URL.createObjectURL(photo);
    setState({ kind: "checking", url });
    try {
      const result = await post<{ registration: RegistrationView }>("/api/registrations/current/selfie", locale, photo);
      // Document loads, not router.push: the next page's camera=() applies only to a new document.
      if (result.ok) return location.assign(stepPath(result.data.registration.step));
      const { error } = result;
      if (error.code === "SELFIE_ATTEMPTS_EXHAUSTED" || error.code === "EKTP_PHOTO_MISSING") return location.assign("/daftar/status");
      const left = typeof error.details?.attemptsLeft === "number" ? ` ${t.attemptsLeft.replace("{n}", String(error.details.attemptsLeft))}` : "";
      setState({ kind: "refused", url, message: error.messages[locale] + left });
    } catch {
      setState({ kind: "refused", url, message: t.failed });
    }
  }

  if (state.kind === "camera") return <SelfieCapture key={attempt} t={t} onCapture={submit} />;
  return (
    <div className="selfie">
      <img className="selfie-preview" src={state.url} alt={t.previewLabel} />
      <div aria-live="polite" data-testid="selfie-result">
        {state.kind === "checking" ? <p>{t.checking}</p> : <p className="result bad">{state.message}</p>}
      </div>
      {state.kind === "refused" && (
        <button className="button secondary" type="button" onClick={() => (setAttempt((n) => n + 1), setState({ kind: "camera" }))}>
          {t.retake}
        </button>
      )}
    </div>
  );
}
