"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { OfficerMessages } from "@/messages";

export function SignInForm({ locale, t, counters }: { locale: Locale; t: OfficerMessages["signIn"]; counters: { code: string; name: string }[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Shown<"failed"> | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await post("/api/session", locale, { nip: form.get("nip"), password: form.get("password"), counter: form.get("counter") });
      if (result.ok) return router.push("/loket");
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
        <select id="counter" name="counter" required>
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
