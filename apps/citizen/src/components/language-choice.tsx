"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ErrorBody, Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { CitizenMessages } from "@/messages";

type T = CitizenMessages["account"]["language"];

/** The account's language choice: saved by the server (and recorded in the history), then the page re-renders in it. */
export function LanguageChoice({ locale, t }: { locale: Locale; t: T }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [choice, setChoice] = useState<Locale>(locale);
  const [error, setError] = useState<ErrorBody["error"] | "offline" | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await post("/api/akun/bahasa", locale, { locale: choice }).catch(() => null);
    setBusy(false);
    if (!result) return setError("offline");
    if (!result.ok) return setError(result.error);
    router.refresh();
  }

  return (
    <form onSubmit={save} className="stack">
      <fieldset>
        <legend>{t.title}</legend>
        {(["id", "en"] as const).map((option) => (
          <label key={option} className="choice" lang={option}>
            <input type="radio" name="locale" value={option} checked={choice === option} onChange={() => setChoice(option)} /> {t[option]}
          </label>
        ))}
      </fieldset>
      <p>
        <button className="button secondary" type="submit" disabled={!hydrated || busy || choice === locale}>
          {t.save}
        </button>
      </p>
      {error && (
        <p role="alert" className="field-error">
          {error === "offline" ? t.failed : error.messages[locale]}
        </p>
      )}
    </form>
  );
}
