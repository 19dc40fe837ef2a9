"use client";
import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from "@simplewebauthn/browser";
import { type FormEvent, useState } from "react";
import type { ErrorBody, Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import { useHydrated } from "@ktp/ui/use-hydrated";
import { formText } from "@ktp/ui/form-text";
import { signWithDeviceKey } from "@/device-key";
import type { CitizenMessages } from "@/messages";

type T = CitizenMessages["account"]["pin"];
/** What the form says: a sentence of its own, or the server's error (shown in the current language). */
type Said = { own: Exclude<keyof T, "title" | "lead" | "oldPin" | "newPin" | "confirmation" | "submit" | "attemptsLeft" | "retryAfter"> } | { error: ErrorBody["error"] };

/** "Ubah PIN": the phone's passkey (with its device key) and the old PIN confirm; the new PIN twice. */
export function ChangePinForm({ locale, t }: { locale: Locale; t: T }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const pins = { oldPin: formText(form, "oldPin"), newPin: formText(form, "newPin"), confirmation: formText(form, "confirmation") };
    setBusy(true);
    setSaid(null);
    try {
      const options = await post<PublicKeyCredentialRequestOptionsJSON>("/api/akun/pin/options", locale);
      if (!options.ok) return setSaid({ error: options.error });
      const credential = await startAuthentication({ optionsJSON: options.data });
      const deviceKeySignature = await signWithDeviceKey(options.data.challenge);
      const result = await post("/api/akun/pin", locale, { passkey: { credential, deviceKeySignature }, ...pins });
      if (!result.ok) return setSaid({ error: result.error });
      form.reset();
      setSaid({ own: "done" });
    } catch (error) {
      const name = (error as { name?: string }).name;
      setSaid({ own: name === "NotAllowedError" || name === "AbortError" ? "cancelled" : "failed" });
    } finally {
      setBusy(false);
    }
  }

  const text = !said
    ? ""
    : "own" in said
      ? t[said.own]
      : [
          said.error.messages[locale],
          said.error.details?.attemptsBeforeCounter ? t.attemptsLeft.replace("{n}", String(said.error.details.attemptsBeforeCounter)) : "",
          said.error.details?.retryAfterSeconds ? t.retryAfter.replace("{s}", String(said.error.details.retryAfterSeconds)) : "",
        ]
          .filter(Boolean)
          .join(" ");
  const done = said !== null && "own" in said && said.own === "done";

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="change-pin-title">
      {(["oldPin", "newPin", "confirmation"] as const).map((name) => (
        <p key={name}>
          <label htmlFor={`change-${name}`}>{t[name]}</label>
          <input id={`change-${name}`} name={name} type="password" inputMode="numeric" autoComplete="off" maxLength={6} pattern="\d{6}" required />
        </p>
      ))}
      <p>
        <button className="button" type="submit" disabled={!hydrated || busy}>
          {busy ? t.waiting : t.submit}
        </button>
      </p>
      <p role="status" aria-live="polite" className={said && !done ? "field-error" : undefined} data-testid="change-pin-message">
        {text}
      </p>
    </form>
  );
}
