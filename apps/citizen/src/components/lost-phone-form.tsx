"use client";
import { type FormEvent, useState } from "react";
import type { ErrorBody, Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import { useHydrated } from "@ktp/ui/use-hydrated";
import { formText } from "@ktp/ui/form-text";
import type { CitizenMessages } from "@/messages";
import { NIK_FIELD } from "./nik-field";

type T = CitizenMessages["lostPhone"];

/** "Ponsel hilang", from any browser: the NIK; the same answer whether or not it has a KTP Digital. */
export function LostPhoneForm({ locale, t }: { locale: Locale; t: T }) {
  const hydrated = useHydrated();
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [error, setError] = useState<ErrorBody["error"] | "offline" | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState("sending");
    setError(null);
    const result = await post("/api/ponsel-hilang", locale, { nik: formText(event.currentTarget, "nik") }).catch(() => null);
    if (result?.ok) return setState("sent");
    setError(result ? result.error : "offline");
    setState("idle");
  }

  if (state === "sent")
    return (
      <p role="status" data-testid="lost-phone-sent">
        {t.sent}
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="stack">
      <p>
        <label htmlFor="lost-nik">{t.nik}</label>
        <input id="lost-nik" name="nik" required {...NIK_FIELD} aria-invalid={error !== null} aria-describedby="lost-phone-error" />
      </p>
      <p>
        <button className="button" type="submit" disabled={!hydrated || state === "sending"}>
          {state === "sending" ? t.sending : t.submit}
        </button>
      </p>
      <p id="lost-phone-error" role="alert" className={error ? "field-error" : undefined}>
        {error === "offline" ? t.failed : (error?.messages[locale] ?? "")}
      </p>
    </form>
  );
}
