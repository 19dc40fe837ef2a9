import Link from "next/link";
import { listVerificationHistory } from "@ktp/core/server/wallet/verification-history";
import { IDENTITY_FIELD_LABELS, PURPOSE_RULES, type Purpose } from "@ktp/core/universal/identity/purposes";
import { VERIFY_REASONS, type VerifyReason } from "@ktp/core/universal/verifier";
import { getLocale } from "@ktp/ui/locale";
import { ReportButton } from "@/components/report-button";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { citizenOrSignIn } from "@/session-cookie";

export const dynamic = "force-dynamic";

/** "Riwayat verifikasi": who checked this KTP Digital, when, where, for what, and what they saw. */
export default async function HistoryPage() {
  const citizen = await citizenOrSignIn("/riwayat");
  const locale = await getLocale();
  const t = messages[locale].history;
  const entries = await listVerificationHistory({ db: getDb(), registrationId: citizen.registrationId });
  const when = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" });
  return (
    <section>
      <h1>{t.title}</h1>
      <p className="hint">{t.lead}</p>
      {entries.length === 0 ? (
        <p data-testid="history-empty">{t.empty}</p>
      ) : (
        <ol className="history" data-testid="history">
          {entries.map((e) => (
            <li key={e.id} className="card" data-verdict={e.verdict}>
              <h2>{e.organisation}</h2>
              <p className="hint">
                {when.format(e.at)} WIB{e.branch ? ` · ${e.branch}` : ""}
                {e.offline ? ` · ${t.offline}` : ""}
              </p>
              <p>
                {t.purpose}: <strong>{PURPOSE_RULES[e.purpose as Purpose]?.label[locale] ?? e.purpose}</strong>
                {" · "}
                {e.verdict === "valid" ? t.valid : `${t.invalid}: ${VERIFY_REASONS[e.reason as VerifyReason]?.[locale] ?? e.reason}`}
              </p>
              {e.fields.length > 0 && (
                <p>
                  {t.fields}: {e.fields.map((f) => IDENTITY_FIELD_LABELS[f as keyof typeof IDENTITY_FIELD_LABELS]?.[locale] ?? f).join(", ")}
                </p>
              )}
              {e.receipt && (
                <details className="receipt" data-testid="history-receipt">
                  <summary>{t.receipt.replace("{id}", e.id)}</summary>
                  <p className="hint">{t.receiptHint}</p>
                  <pre className="receipt-jws">{e.receipt}</pre>
                </details>
              )}
              <ReportButton locale={locale} t={t} id={e.id} reported={e.reportedAt !== null} />
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href="/kartu">{t.back}</Link>
      </p>
    </section>
  );
}
