"use client";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import type { ResidentCase } from "@ktp/core/universal/counter";
import type { Locale } from "@ktp/core/universal/errors";
import { get, post } from "@ktp/ui/api-client";
import { formText } from "@ktp/ui/form-text";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { OfficerMessages } from "@/messages";

type T = OfficerMessages["residents"];
type Action = ResidentCase["actions"][number] | ResidentCase["open"][number]["actions"][number];

/** Look up a NIK, then reset or cancel what only an officer may, with a note for the audit trail. */
export function ResidentDesk({ locale, t }: { locale: Locale; t: T }) {
  const hydrated = useHydrated();
  const [found, setFound] = useState<ResidentCase | null>(null);
  const [note, setNote] = useState("");
  // A code or a key, not a sentence: the ID/EN switch keeps this state and re-renders it in the other language.
  const [message, setMessage] = useState<{ ok: boolean; shown: Shown<"done"> } | null>(null);
  const [busy, setBusy] = useState(false);
  const date = (value: Date | string) => new Date(value).toLocaleString(locale === "id" ? "id-ID" : "en-GB");

  async function run(call: () => ReturnType<typeof get<ResidentCase>>, done?: "done") {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call();
      if (!result.ok) {
        if (!done) setFound(null);
        return setMessage({ ok: false, shown: fromError(result.error) });
      }
      setFound(result.data);
      if (done) {
        setNote("");
        setMessage({ ok: true, shown: { key: done } });
      }
    } finally {
      setBusy(false);
    }
  }

  function lookUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nik = formText(event.currentTarget, "nik").replace(/\s/g, "");
    return run(() => get<ResidentCase>(`/api/residents/${encodeURIComponent(nik || "-")}`, locale));
  }

  function act(action: Action, registrationId?: string) {
    if (!found || !window.confirm(t.confirm)) return;
    return run(() => post<ResidentCase>(`/api/residents/${found.nik}/reset`, locale, { action, registrationId, note }), "done");
  }

  const buttons = (actions: Action[], registrationId?: string) => (
    <p className="actions">
      {actions.map((action) => (
        <button key={action} className="button secondary" type="button" disabled={busy} onClick={() => act(action, registrationId)}>
          {t.actions[action]}
        </button>
      ))}
    </p>
  );

  return (
    <>
      <form onSubmit={lookUp} className="stack inline-form">
        <p>
          <label htmlFor="nik">{t.nik}</label>
          <input id="nik" name="nik" type="text" inputMode="numeric" autoComplete="off" />
        </p>
        <p>
          <button className="button" type="submit" disabled={!hydrated || busy}>
            {t.search}
          </button>
        </p>
      </form>
      {message && (
        <p className={`result ${message.ok ? "ok" : "bad"}`} role="status">
          {say(message.shown, locale, t)}
        </p>
      )}
      {found && (
        <article className="result" data-testid="resident-case">
          <h2>{found.nama}</h2>
          <p>{found.nik}</p>
          <p data-testid="resident-siak">
            {t.siak.label}:{" "}
            {[found.siak.alive ? t.siak.alive : t.siak.deceased, found.siak.ektpRecorded ? t.siak.ektp : t.siak.noEktp, found.siak.wajibKtp ? t.siak.wajib : t.siak.notWajib, found.siak.region].join(
              " · ",
            )}
          </p>
          <p data-testid="resident-step">
            {found.active
              ? t.active.replace("{date}", date(found.active.since))
              : found.open.length
                ? t.step.replace("{step}", t.steps[found.open[0]!.step])
                : found.siak.eligible
                  ? t.none
                  : !found.siak.alive
                    ? t.siak.deceasedNone
                    : t.siak.notEligibleNone}
          </p>
          {found.active?.device && <p className="hint">{t.device.replace("{date}", date(found.active.device.createdAt))}</p>}
          {found.active?.pinLockedForCounter && <p className="field-error">{t.pinLocked}</p>}
          {found.active?.lostReportedAt && (
            <p className="field-error" data-testid="lost-reported">
              {t.lostReported.replace("{date}", date(found.active.lostReportedAt))}
            </p>
          )}
          <p>
            <label htmlFor="note">{t.note}</label>
            <textarea id="note" rows={2} maxLength={400} value={note} onChange={(e) => setNote(e.target.value)} />
          </p>
          {buttons(found.actions)}
          {found.open.length > 0 && (
            <section aria-labelledby="open-title">
              <h3 id="open-title">{t.openTitle}</h3>
              <p className="hint">{t.openHint}</p>
              {found.open.map((r) => (
                <div key={r.id} className="result" data-testid="open-registration">
                  <p>
                    <strong>{t.reference.replace("{reference}", r.reference)}</strong> · {t.steps[r.step]}
                  </p>
                  <p>{t.contact.replace("{email}", r.email).replace("{phone}", r.phone)}</p>
                  {r.userAgent && <p className="hint">{t.browser.replace("{ua}", r.userAgent)}</p>}
                  <p className="hint">{t.started.replace("{date}", date(r.createdAt)).replace("{attempts}", String(r.selfieAttempts))}</p>
                  {buttons(r.actions, r.id)}
                </div>
              ))}
            </section>
          )}
        </article>
      )}
      <p>
        <Link href="/loket">{t.back}</Link>
      </p>
    </>
  );
}
