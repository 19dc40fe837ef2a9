"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import { formText } from "@ktp/ui/form-text";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { OfficerMessages } from "@/messages";

/** localStorage: the counter code of this browser's last sign-in (not secret: the list is public on this page). */
const LAST_COUNTER = "ktp-loket-terakhir";

export function SignInForm({ locale, t, counters }: { locale: Locale; t: OfficerMessages["signIn"]; counters: { code: string; name: string }[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Shown<"failed" | "nipMissing" | "passwordMissing"> | null>(null);
  const counterField = useRef<HTMLSelectElement>(null);

  // The counter this browser signed in at last time, rather than the first of the list for everyone.
  useEffect(() => {
    const last = localStorage.getItem(LAST_COUNTER);
    if (last && counterField.current && counters.some((c) => c.code === last)) counterField.current.value = last;
  }, [counters]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const nip = formText(form, "nip").trim();
    const password = formText(form, "password");
    const counter = formText(form, "counter");
    // An empty field is named here, not answered by the server as a wrong NIP or password.
    if (!nip) return setError({ key: "nipMissing" });
    if (!password) return setError({ key: "passwordMissing" });
    setBusy(true);
    setError(null);
    try {
      const result = await post("/api/session", locale, { nip, password, counter });
      if (result.ok) {
        localStorage.setItem(LAST_COUNTER, counter);
        return router.push("/loket");
      }
      setError(fromError(result.error));
    } catch {
      setError({ key: "failed" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      <p>
        <label htmlFor="nip">{t.nip}</label>
        <input id="nip" name="nip" type="text" inputMode="numeric" autoComplete="username" required />
      </p>
      <p>
        <label htmlFor="password">{t.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </p>
      <p>
        <label htmlFor="counter">{t.counter}</label>
        <select id="counter" name="counter" required ref={counterField}>
          {counters.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} · {c.name}
            </option>
          ))}
        </select>
      </p>
      {error && (
        <p className="field-error" role="alert">
          {say(error, locale, t)}
        </p>
      )}
      <p>
        <button className="button" type="submit" disabled={!hydrated || busy}>
          {busy ? t.busy : t.submit}
        </button>
      </p>
    </form>
  );
}
