"use client";
import { type PublicKeyCredentialCreationOptionsJSON, startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import type { RegistrationView } from "@ktp/core/universal/registration";
import { createDeviceKey } from "@/device-key";
import { post } from "@ktp/ui/api-client";
import type { CitizenMessages } from "@/messages";
import { stepPath } from "@/registration-steps";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";

/** Without an authenticator, credentials.create() may never settle; stop waiting after this. */
const PASSKEY_TIMEOUT_MS = 90_000;

export function DeviceStep({ locale, t }: { locale: Locale; t: CitizenMessages["device"] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Shown<"cancelled" | "timeout" | "unsupported"> | null>(null);

  async function bind() {
    setBusy(true);
    setMessage(null);
    try {
      const options = await post<PublicKeyCredentialCreationOptionsJSON>("/api/registrations/current/device/options", locale);
      if (!options.ok) return setMessage(fromError(options.error));
      const credential = await withTimeout(startRegistration({ optionsJSON: options.data }), PASSKEY_TIMEOUT_MS);
      const { publicKey, signature } = await createDeviceKey(options.data.challenge);
      const bound = await post<RegistrationView>("/api/registrations/current/device", locale, { credential, deviceKey: publicKey, deviceKeySignature: signature });
      if (!bound.ok) return setMessage(fromError(bound.error));
      router.push(stepPath(bound.data.step));
    } catch (error) {
      const name = (error as { name?: string }).name;
      setMessage({ key: name === "NotAllowedError" || name === "AbortError" ? "cancelled" : name === "TimeoutError" ? "timeout" : "unsupported" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <p>
        <button className="button" type="button" onClick={bind} disabled={!hydrated || busy}>
          {busy ? t.binding : t.bind}
        </button>
      </p>
      <p role="status" aria-live="polite" className={message ? "field-error" : undefined} data-testid="device-message">
        {message ? say(message, locale, t) : ""}
      </p>
    </div>
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(Object.assign(new Error("timeout"), { name: "TimeoutError" })), ms))]);
}
