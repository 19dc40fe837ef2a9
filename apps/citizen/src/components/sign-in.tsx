"use client";
import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import { formText } from "@ktp/ui/form-text";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";
import { signWithDeviceKey } from "@/device-key";
import type { CitizenMessages } from "@/messages";
import { checkOfflineBinding, keptSnapshot } from "@/offline/offline-wallet";

type T = CitizenMessages["signIn"];

/** Passkey and device key first, then the PIN; then the KTP card. */
export function SignIn({ locale, t, awaitingPin = false }: { locale: Locale; t: T; awaitingPin?: boolean }) {
  const router = useRouter();
  const hydrated = useHydrated();
  // Back from "Lupa PIN" (or a reload) with the passkey step done: straight to the PIN.
  const [phase, setPhase] = useState<"passkey" | "pin">(awaitingPin ? "pin" : "passkey");
  const [busy, setBusy] = useState(false);
  // Codes and keys, not sentences: the ID/EN switch keeps this state and re-renders it in the other language.
  const [message, setMessage] = useState<Shown<"noDeviceKey" | "cancelled" | "failed" | "attemptsLeft" | "retryAfter">[] | null>(null);

  // Signed out, perhaps by an officer's reset or a lock: the next contact wipes a wallet kept for offline use if its binding is gone.
  useEffect(() => {
    void keptSnapshot().then(async (snapshot) => {
      if (snapshot && navigator.onLine) await checkOfflineBinding(locale, snapshot);
    });
  }, [locale]);

  async function withPasskey() {
    setBusy(true);
    setMessage(null);
    try {
      const options = await post<PublicKeyCredentialRequestOptionsJSON>("/api/session/options", locale);
      if (!options.ok) return setMessage([fromError(options.error)]);
      const credential = await startAuthentication({ optionsJSON: options.data });
      const deviceKeySignature = await signWithDeviceKey(options.data.challenge);
      const result = await post("/api/session/passkey", locale, { credential, deviceKeySignature });
      if (!result.ok) return setMessage([fromError(result.error)]);
      setPhase("pin");
    } catch (error) {
      const name = (error as { name?: string }).name;
      setMessage([{ key: name === "NoDeviceKey" ? "noDeviceKey" : name === "NotAllowedError" || name === "AbortError" ? "cancelled" : "failed" }]);
    } finally {
      setBusy(false);
    }
  }

  async function withPin(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const pin = formText(event.currentTarget, "pin");
    setBusy(true);
    setMessage(null);
    try {
      const result = await post("/api/session/pin", locale, { pin });
      if (result.ok) return router.push("/kartu");
      if (result.error.code === "SIGN_IN_EXPIRED") setPhase("passkey");
      const { attemptsBeforeCounter: left, retryAfterSeconds: wait } = result.error.details ?? {};
      setMessage([
        fromError(result.error),
        ...(left ? [{ key: "attemptsLeft" as const, params: { n: String(left) } }] : []),
        ...(wait ? [{ key: "retryAfter" as const, params: { s: String(wait) } }] : []),
      ]);
    } catch {
      setMessage([{ key: "failed" }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      {phase === "passkey" ? (
        <p>
          <button className="button" type="button" onClick={withPasskey} disabled={!hydrated || busy}>
            {busy ? t.waiting : t.passkey}
          </button>
        </p>
      ) : (
        <form onSubmit={withPin} noValidate className="stack">
          <p>
            <label htmlFor="pin">{t.pinLabel}</label>
            <input id="pin" name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={6} pattern="\d{6}" required autoFocus />
          </p>
          <p>
            <button className="button" type="submit" disabled={busy}>
              {busy ? t.checking : t.pinSubmit}
            </button>
          </p>
          <p className="hint">
            {/* A document load: the reset's page opens the camera, which only a new document may. */}
            <a href="/masuk/lupa-pin">{t.forgotPin}</a>
          </p>
        </form>
      )}
      <p role="status" aria-live="polite" className={message ? "field-error" : undefined} data-testid="sign-in-message">
        {message ? message.map((m) => say(m, locale, t)).join(" ") : ""}
      </p>
    </div>
  );
}
