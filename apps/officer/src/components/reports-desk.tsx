"use client";
import { type FormEvent, useState } from "react";
import type { MisuseReport } from "@ktp/core/universal/verifier";
import type { Locale } from "@ktp/core/universal/errors";
import { IDENTITY_FIELD_LABELS, type IdentityField, PURPOSE_RULES, type Purpose } from "@ktp/core/universal/identity/purposes";
import { get, post } from "@ktp/ui/api-client";
import { formText } from "@ktp/ui/form-text";
import { fromError, say } from "@ktp/ui/shown-message";
import type { OfficerMessages } from "@/messages";
import type { Json } from "./json.ts";
import { useAdminList } from "./use-admin-list.ts";

type T = OfficerMessages["reports"];
type Report = Json<MisuseReport>;

/** Citizens' "Bukan saya" reports, each with the verification it points to, closed with what was done. */
export function ReportsDesk({ locale, t }: { locale: Locale; t: T }) {
  const { items: reports, message, setMessage, load } = useAdminList<Report, "closedNow">("/api/reports", locale);
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<Record<string, { nik: string; email: string; phone: string }>>({});

  async function close(event: FormEvent<HTMLFormElement>, id: string) {
    event.preventDefault();
    const outcome = formText(event.currentTarget, "outcome");
    setBusy(true);
    try {
      const result = await post(`/api/reports/${id}`, locale, { outcome }).catch(() => null);
      setMessage(result?.ok ? { ok: true, shown: [{ key: "closedNow" }], itemId: id } : { ok: false, shown: [result ? fromError(result.error) : { key: "failed" }], itemId: id });
      if (result?.ok) await load();
    } finally {
      setBusy(false);
    }
  }

  async function reveal(id: string) {
    const result = await get<{ nik: string; email: string; phone: string }>(`/api/reports/${id}`, locale).catch(() => null);
    if (result?.ok) setRevealed((shown) => ({ ...shown, [id]: result.data }));
    else setMessage({ ok: false, shown: [result ? fromError(result.error) : { key: "failed" }], itemId: id });
  }

  const text = message ? message.shown.map((m) => say(m, locale, t)).join(" ") : null;
  if (!reports) return <p role="status">{text ?? t.loading}</p>;
  if (reports.length === 0) return <p>{t.empty}</p>;
  const date = (value: string) => new Date(value).toLocaleString(locale === "id" ? "id-ID" : "en-GB");

  return (
    <>
      {reports.map((r) => (
        <article key={r.id} className={`result ${r.reportClosedAt ? "ok" : "bad"}`} data-testid="misuse-report">
          <h2>{r.org.legalName}</h2>
          <p>
            <strong>{r.reportClosedAt ? t.closed.replace("{date}", date(r.reportClosedAt)).replace("{outcome}", r.reportOutcome ?? "") : t.open}</strong> ·{" "}
            {t.reported.replace("{date}", date(r.reportedAt!))}
          </p>
          <p>{r.reportNote ? t.note.replace("{note}", r.reportNote) : t.noNote}</p>
          <p>
            {t.verification
              .replace("{date}", date(r.at))
              .replace("{org}", r.org.legalName)
              .replace("{branch}", r.branch ? `, ${r.branch.name} (${r.branch.city})` : "")
              .replace("{purpose}", PURPOSE_RULES[r.askedPurpose as Purpose]?.label[locale] ?? r.askedPurpose)
              .replace("{verdict}", t.verdicts[r.verdict as "valid" | "invalid"] ?? r.verdict)}
          </p>
          {r.fields.length > 0 && <p>{t.fields.replace("{fields}", r.fields.map((f) => IDENTITY_FIELD_LABELS[f as IdentityField]?.[locale] ?? f).join(", "))}</p>}
          {r.staff && <p className="hint">{t.by.replace("{who}", `${r.staff.nama} (${r.staff.email})`)}</p>}
          {r.apiKey && <p className="hint">{t.byKey.replace("{prefix}", r.apiKey.prefix).replace("{label}", r.apiKey.label)}</p>}
          {r.citizen &&
            (() => {
              const shown = revealed[r.id] ?? r.citizen;
              return (
                <p className="hint" data-testid="report-citizen">
                  {t.citizen.replace("{nik}", shown.nik).replace("{email}", shown.email).replace("{phone}", shown.phone)}
                  {!revealed[r.id] && (
                    <>
                      {" "}
                      <button type="button" className="link" onClick={() => reveal(r.id)}>
                        {t.reveal}
                      </button>
                    </>
                  )}
                </p>
              );
            })()}
          {message?.itemId === r.id && (
            <p className={`result ${message.ok ? "ok" : "bad"}`} role="status">
              {text}
            </p>
          )}
          {!r.reportClosedAt && (
            <form onSubmit={(event) => close(event, r.id)} className="stack">
              <p>
                <label htmlFor={`outcome-${r.id}`}>{t.outcome}</label>
                <textarea id={`outcome-${r.id}`} name="outcome" rows={2} maxLength={500} required minLength={3} />
              </p>
              <p>
                <button className="button secondary" type="submit" disabled={busy}>
                  {t.close}
                </button>
              </p>
            </form>
          )}
        </article>
      ))}
    </>
  );
}
