"use client";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import type { ResidentCase } from "@ktp/core/server/counter/resident-desk";
import type { Locale } from "@ktp/core/universal/errors";
import { get, post } from "@ktp/ui/api-client";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { OfficerMessages } from "@/messages";

type T = OfficerMessages["residents"];

/** Look up a NIK, then reset what only an officer may reset. */
export function ResidentDesk({ locale, t }: { locale: Locale; t: T }) {
  const hydrated = useHydrated();
  const [found, setFound] = useState<ResidentCase | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(call: () => ReturnType<typeof get<ResidentCase>>, done?: string) {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call();
      if (!result.ok) {
        setFound(null);
        return setMessage({ ok: false, text: result.error.messages[locale] });
      }
      setFound(result.data);
      if (done) setMessage({ ok: true, text: done });
    } finally {
      setBusy(false);
    }
  }

  function lookUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nik = String(new FormData(event.currentTarget).get("nik") ?? "").replace(/\s/g, "");
    return run(() => get<ResidentCase>(`/api/residents/${encodeURIComponent(nik || "-")}`, locale));
  }

  function reset(action: ResidentCase["actions"][number]) {
    if (!found || !window.confirm(t.confirm)) return;
    return run(() => post<ResidentCase>(`/api/residents/${found.nik}/reset`, locale, { action }), t.done);
  }

  const registration = found?.registration;
  return (
    <>
      <form onSubmit={lookUp} className="stack inline-form">
        <p>
          <label htmlFor="nik">{t.nik}</label>
          <input id="nik" name="nik" type="text" inputMode="numeric" autoComplete="off" />
        </p>
        <p><button className="button" type="submit" disabled={!hydrated || busy}>{t.search}</button></p>
      </form>
      {message && <p className={`result ${message.ok ? "ok" : "bad"}`} role="status">{message.text}</p>}
      {found && (
        <article className="result" data-testid="resident-case">
          <h2>{found.nama}</h2>
          <p>{found.nik}</p>
          {registration ? (
            <>
              <p data-testid="resident-step">{t.step.replace("{step}", t.steps[registration.step])}</p>
              {registration.device && <p className="hint">{t.device.replace("{date}", new Date(registration.device.createdAt).toLocaleString(locale === "id" ? "id-ID" : "en-GB"))}</p>}
              {registration.pinLockedForCounter && <p className="field-error">{t.pinLocked}</p>}
            </>
          ) : (
            <p>{t.none}</p>
          )}
          <p className="actions">
            {found.actions.map((action) => (
              <button key={action} className="button secondary" type="button" disabled={busy} onClick={() => reset(action)}>{t.actions[action]}</button>
            ))}
          </p>
        </article>
      )}
      <p><Link href="/loket">{t.back}</Link></p>
    </>
  );
}
