"use client";
import { useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import type { RegistrationView } from "@ktp/core/universal/registration";
import { post } from "@ktp/ui/api-client";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import type { CitizenMessages } from "@/messages";
import { stepPath } from "@/registration-steps";
import { ContinueOnPhone } from "./continue-on-phone.tsx";
import { SelfieCapture } from "./selfie-capture.tsx";

type State = { kind: "camera" } | { kind: "checking"; url: string } | { kind: "refused"; url: string; message: Shown<"failed">; attemptsLeft: number | null };

/** Takes a selfie with the browser pre-check and submits it to be matched with the e-KTP photo; or moves to the phone. */
export function SelfieStep({ locale, t, flow }: { locale: Locale; t: CitizenMessages["selfie"]; flow: CitizenMessages["flow"]["handoff"] }) {
  const [state, setState] = useState<State>({ kind: "camera" });
  const [attempt, setAttempt] = useState(0);
  const [noCamera, setNoCamera] = useState(false);

  async function submit(photo: Blob) {
    const url = URL.createObjectURL(photo);
    setState({ kind: "checking", url });
    try {
      const result = await post<{ registration: RegistrationView }>("/api/registrations/current/selfie", locale, photo);
      // Document loads, not router.push: the next page's camera=() applies only to a new document.
      if (result.ok) return location.assign(stepPath(result.data.registration.step));
      const { error } = result;
      if (error.code === "SELFIE_ATTEMPTS_EXHAUSTED" || error.code === "EKTP_PHOTO_MISSING") return location.assign("/daftar/status");
      const left = typeof error.details?.attemptsLeft === "number" ? error.details.attemptsLeft : null;
      setState({ kind: "refused", url, message: fromError(error), attemptsLeft: left });
    } catch {
      setState({ kind: "refused", url, message: { key: "failed" }, attemptsLeft: null });
    }
  }

  const handoff = state.kind === "camera" && <ContinueOnPhone locale={locale} t={flow} prominent={noCamera} />;
  if (state.kind === "camera")
    return (
      <>
        <SelfieCapture key={attempt} t={t} onCapture={submit} onUnavailable={() => setNoCamera(true)} />
        {handoff}
      </>
    );
  return (
    <div className="selfie">
      <img className="selfie-preview" src={state.url} alt={t.previewLabel} />
      <div aria-live="polite" data-testid="selfie-result">
        {state.kind === "checking" ? (
          <p>{t.checking}</p>
        ) : (
          <p className="result bad">
            {say(state.message, locale, t)}
            {state.attemptsLeft !== null && ` ${t.attemptsLeft.replace("{n}", String(state.attemptsLeft))}`}
          </p>
        )}
      </div>
      {state.kind === "refused" && (
        <button className="button secondary" type="button" onClick={() => (setAttempt((n) => n + 1), setState({ kind: "camera" }))}>
          {t.retake}
        </button>
      )}
    </div>
  );
}
