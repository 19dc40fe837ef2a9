"use client";
import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ErrorBody, Locale } from "@ktp/core/universal/errors";
import type { RegistrationView } from "@ktp/core/universal/registration";
import { createDeviceKey } from "@/device-key";
import type { CitizenMessages } from "@/messages";
import { stepPath } from "@/registration-steps";
import { useHydrated } from "./use-hydrated.ts";

/** Without an authenticator, credentials.create() may never settle; stop waiting after this. */
const PASSKEY_TIMEOUT_MS = 90_000;

export function DeviceStep({ locale, t }: { locale: Locale; t: CitizenMessages["device"] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function bind() {
    setBusy(true);
    setMessage(null);
    try {
      const post = (url: string, body?: unknown) =>
        fetch(url, { method: "POST", headers: { "content-type": "application/json", "accept-language": locale }, body: body ? JSON.stringify(body) : undefined });
      const optionsResponse = await post("/api/registrations/current/device/options");
      if (!optionsResponse.ok) return setMessage(((await optionsResponse.json()) as ErrorBody).error.messages[locale]);
      const optionsJSON = await optionsResponse.json();
      const credential = await withTimeout(startRegistration({ optionsJSON }), PASSKEY_TIMEOUT_MS);
      const { publicKey, signature } = await createDeviceKey(optionsJSON.challenge);
      const response = await post("/api/registrations/current/device", { credential, deviceKey: publicKey, deviceKeySignature: signature });
      if (!response.ok) return setMessage(((await response.json()) as ErrorBody).error.messages[locale]);
      router.push(stepPath(((await response.json()) as RegistrationView).step));
    } catch (error) {
      const name = (error as { name?: string }).name;
      setMessage(name === "NotAllowedError" || name === "AbortError" ? t.cancelled : name === "TimeoutError" ? t.timeout : t.unsupported);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <p>
        <button className="button" type="button" onClick={bind} disabled={!hydrated || busy}>{busy ? t.binding : t.bind}</button>
      </p>
      <p role="status" aria-live="polite" className={message ? "field-error" : undefined} data-testid="device-message">{message ?? ""}</p>
    </div>
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(Object.assign(new Error("timeout"), { name: "TimeoutError" })), ms))]);
}
