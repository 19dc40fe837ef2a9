"use client";
import { type FormEvent, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { findNikProblem } from "@ktp/core/universal/nik";
import type { NikVerification } from "@ktp/core/universal/siak";
import { post } from "@ktp/ui/api-client";
import type { CitizenMessages } from "@/messages";
import { useHydrated } from "@ktp/ui/use-hydrated";
import { formText } from "@ktp/ui/form-text";
import { fromCode, fromError, say, type Shown } from "@ktp/ui/shown-message";
import { NIK_FIELD } from "./nik-field.ts";

type State = { kind: "idle" } | { kind: "checking" } | { kind: "invalid"; message: Shown } | { kind: "done"; result: NikVerification } | { kind: "failed"; message: Shown<"failed"> };

export function NikCheckForm({ locale, t }: { locale: Locale; t: CitizenMessages["nikCheck"] }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  // Before hydration a submit would be a plain GET with the NIK in the address bar.
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nik = formText(event.currentTarget, "nik");
    // Same rules as the server, so a typo is explained before anything is sent.
    const problem = findNikProblem(nik);
    if (problem) return setState({ kind: "invalid", message: fromCode(problem) });
    setState({ kind: "checking" });
    try {
      const result = await post<NikVerification>("/api/siak/v1/nik/verify", locale, { nik });
      setState(result.ok ? { kind: "done", result: result.data } : { kind: "invalid", message: fromError(result.error) });
    } catch {
      setState({ kind: "failed", message: { key: "failed" } });
    }
  }

  const invalid = state.kind === "invalid" ? say(state.message, locale, t) : null;
  return (
    <form onSubmit={onSubmit} noValidate aria-describedby="nik-check-result">
      <label htmlFor="nik">{t.label}</label>
      <input id="nik" name="nik" {...NIK_FIELD} aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? "nik-error" : undefined} />
      {invalid && (
        <p id="nik-error" className="field-error" role="alert">
          {invalid}
        </p>
      )}
      <p className="submit-row">
        <button className="button" type="submit" disabled={!hydrated || state.kind === "checking"}>
          {state.kind === "checking" ? t.checking : t.submit}
        </button>
      </p>
      <div id="nik-check-result" aria-live="polite">
        {state.kind === "failed" && (
          <p className="field-error" role="alert">
            {say(state.message, locale, t)}
          </p>
        )}
        {state.kind === "done" && <VerificationResult result={state.result} t={t} />}
      </div>
    </form>
  );
}

function VerificationResult({ result, t }: { result: NikVerification; t: CitizenMessages["nikCheck"] }) {
  if (!result.found)
    return (
      <div className="result bad" data-testid="nik-result">
        {t.notFound}
      </div>
    );
  const checks = [
    [t.alive, result.alive],
    [t.adult, result.wajibKtp],
    [t.ektp, result.ektpRecorded],
  ] as const;
  // What to do next: a deceased resident's NIK is closed for good; the others can come back.
  const next = !result.alive ? null : !result.wajibKtp ? t.whatNext.minor : !result.ektpRecorded ? t.whatNext.ektp : null;
  return (
    <div className={`result ${result.eligible ? "ok" : "bad"}`} data-testid="nik-result">
      <p className="nik-verdict">{result.eligible ? t.eligible : result.alive ? t.notEligible : t.deceased}</p>
      <p className="nik-owner">
        {t.owner}: <strong>{result.maskedName}</strong>
      </p>
      <ul className="checks">
        {checks.map(([label, ok]) => (
          <li key={label} className={ok ? undefined : "fail"}>
            {label}: <strong>{ok ? t.yes : t.no}</strong>
          </li>
        ))}
      </ul>
      {next && <p className="nik-next">{next}</p>}
    </div>
  );
}
