"use client";
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { type FormEvent, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import type { StaffSignInStep } from "@ktp/core/universal/verifier-staff";
import { post, request } from "@ktp/ui/api-client";
import { useHydrated } from "@ktp/ui/use-hydrated";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import type { VerifierMessages } from "@/messages";

/** E-mail and password, then the passkey (enrolled at the first sign-in); then the scan page. */
export function StaffSignIn({ locale, t }: { locale: Locale; t: VerifierMessages["signIn"] }) {
  const hydrated = useHydrated();
  // Keys and codes, not sentences: the ID/EN switch keeps this state and re-renders it in the other language.
  const [busy, setBusy] = useState<"busy" | "enrol" | "passkey" | null>(null);
  const [error, setError] = useState<Shown<"cancelled" | "failed"> | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy("busy");
    setError(null);
    try {
      const step = await post<StaffSignInStep>("/api/sesi", locale, { email: form.get("email"), password: form.get("password") });
      if (!step.ok) return setError(fromError(step.error));
      setBusy(step.data.next === "enrol" ? "enrol" : "passkey");
      const credential = step.data.next === "enrol" ? await startRegistration({ optionsJSON: step.data.options as never }) : await startAuthentication({ optionsJSON: step.data.options as never });
      const done = await post("/api/sesi/kunci-sandi", locale, { credential });
      if (!done.ok) return setError(fromError(done.error));
      // A document load, not a client-side move: the scan page's camera permission applies to a new document only.
      location.assign("/pindai");
    } catch (cause) {
      const name = (cause as { name?: string }).name;
      setError({ key: name === "NotAllowedError" || name === "AbortError" ? "cancelled" : "failed" });
      await request("DELETE", "/api/sesi", locale).catch(() => undefined);
    } finally {
      setBusy(null);
    }
  }

  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      <p>
        <label htmlFor="email">{t.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </p>
      <p>
        <label htmlFor="password">{t.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </p>
      {error && (
        <p className="field-error" role="alert">
          {say(error, locale, t)}
        </p>
      )}
      <p>
        <button className="button" type="submit" disabled={!hydrated || busy !== null}>
          {busy ? t[busy] : t.submit}
        </button>
      </p>
    </form>
  );
}
