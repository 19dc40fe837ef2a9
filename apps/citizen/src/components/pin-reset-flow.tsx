"use client";
import { type FormEvent, useState } from "react";
import type { ErrorBody, Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import { formText } from "@ktp/ui/form-text";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { CitizenMessages } from "@/messages";
import { SelfieCapture } from "./selfie-capture.tsx";

interface ResetState {
  email: string;
  faceMatched: boolean;
  selfieAttemptsLeft: number;
}
type Problem = ErrorBody["error"] | "offline";

/** "Lupa PIN": the e-mail code is sent, the selfie matched, then the code and the new PIN. */
export function PinResetFlow({ locale, t, selfieT, initial }: { locale: Locale; t: CitizenMessages["pinReset"]; selfieT: CitizenMessages["selfie"]; initial: ResetState | null }) {
  const hydrated = useHydrated();
  const [reset, setReset] = useState<ResetState | null>(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [selfie, setSelfie] = useState<{ url: string; checking: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState(false);

  const say = (p: Problem | null) =>
    p === null
      ? ""
      : p === "offline"
        ? t.failed
        : [p.messages[locale], typeof p.details?.attemptsLeft === "number" ? t.attemptsLeft.replace("{n}", String(p.details.attemptsLeft)) : ""].filter(Boolean).join(" ");

  async function sendCode() {
    setBusy(true);
    setProblem(null);
    const result = await post<ResetState>("/api/lupa-pin", locale).catch(() => null);
    setBusy(false);
    if (!result) return setProblem("offline");
    if (!result.ok) return setProblem(result.error);
    setReset(result.data);
  }

  async function submitSelfie(photo: Blob) {
    const url = URL.createObjectURL(photo);
    setSelfie({ url, checking: true });
    setProblem(null);
    const result = await post<ResetState>("/api/lupa-pin/swafoto", locale, photo).catch(() => null);
    setSelfie({ url, checking: false });
    if (!result) return setProblem("offline");
    if (!result.ok) return setProblem(result.error);
    setReset(result.data);
  }

  async function finish(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setProblem(null);
    const result = await post("/api/lupa-pin/selesai", locale, { code: formText(form, "code"), pin: formText(form, "pin"), confirmation: formText(form, "confirmation") }).catch(() => null);
    setBusy(false);
    if (!result) return setProblem("offline");
    if (!result.ok) return setProblem(result.error);
    setDone(true);
  }

  const message = (
    <p role="alert" className={problem ? "field-error" : undefined} data-testid="pin-reset-message">
      {say(problem)}
    </p>
  );

  if (done)
    return (
      <div className="stack">
        <p className="result ok" role="status" data-testid="pin-reset-done">
          {t.done}
        </p>
        <p>
          <a className="button" href="/masuk">
            {t.signInNow}
          </a>
        </p>
      </div>
    );
  if (!reset)
    return (
      <div className="stack">
        <p>
          <button className="button" type="button" onClick={sendCode} disabled={!hydrated || busy}>
            {busy ? t.sending : t.sendCode}
          </button>
        </p>
        {message}
      </div>
    );
  return (
    <div className="stack">
      <p data-testid="pin-reset-sent">{t.codeSent.replace("{email}", reset.email)}</p>
      <section aria-labelledby="pin-reset-selfie">
        <h2 id="pin-reset-selfie">{t.selfieTitle}</h2>
        {reset.faceMatched ? (
          <p className="result ok" data-testid="pin-reset-face">
            {t.faceMatched}
          </p>
        ) : selfie ? (
          <div className="selfie">
            <img className="selfie-preview" src={selfie.url} alt={selfieT.previewLabel} />
            {selfie.checking ? (
              <p aria-live="polite">{t.checking}</p>
            ) : (
              <button className="button secondary" type="button" onClick={() => (setAttempt((n) => n + 1), setSelfie(null))}>
                {t.retake}
              </button>
            )}
          </div>
        ) : (
          <SelfieCapture key={attempt} t={selfieT} onCapture={(photo) => void submitSelfie(photo)} />
        )}
      </section>
      {reset.faceMatched && (
        <form onSubmit={finish} noValidate className="stack">
          <p>
            <label htmlFor="reset-code">{t.code}</label>
            <input id="reset-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} pattern="\d{6}" required />
          </p>
          <p>
            <label htmlFor="reset-pin">{t.pin}</label>
            <input id="reset-pin" name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={6} pattern="\d{6}" required />
          </p>
          <p>
            <label htmlFor="reset-confirmation">{t.confirmation}</label>
            <input id="reset-confirmation" name="confirmation" type="password" inputMode="numeric" autoComplete="off" maxLength={6} pattern="\d{6}" required />
          </p>
          <p>
            <button className="button" type="submit" disabled={!hydrated || busy}>
              {t.submit}
            </button>
          </p>
        </form>
      )}
      {message}
      <p>
        <button className="link-button" type="button" onClick={sendCode} disabled={!hydrated || busy}>
          {t.resend}
        </button>
      </p>
    </div>
  );
}
