import Link from "next/link";
import { listActivity } from "@ktp/core/server/wallet/activity-history";
import { describeActivity } from "@ktp/core/universal/activity";
import { VERIFY_REASONS, type VerifyReason } from "@ktp/core/universal/verifier";
import { getLocale } from "@ktp/ui/locale";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { citizenOrSignIn } from "@/session-cookie";

export const dynamic = "force-dynamic";

/** "Riwayat aktivitas": sign-ins, the phone, PIN changes, locks, verifications and officers' actions. */
export default async function ActivityPage() {
  const citizen = await citizenOrSignIn("/aktivitas");
  const locale = await getLocale();
  const t = messages[locale].activity;
  const entries = await listActivity({ db: getDb(), nik: citizen.nik });
  const when = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" });
  const actor = { CITIZEN: t.you, OFFICER: t.officer, VERIFIER: t.verifier, SYSTEM: t.system } as const;
  return (
    <section>
      <h1>{t.title}</h1>
      <p className="hint">{t.lead}</p>
      {entries.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ol className="activity" data-testid="activity">
          {entries.map((e) => (
            <li key={`${e.kind}:${e.id}`} data-kind={e.kind} data-actor={e.actor}>
              <p>
                <strong>{describeActivity(e, locale)}</strong>
                {e.outcome && <> · {e.outcome === "valid" ? t.valid : `${t.invalid}: ${VERIFY_REASONS[e.outcome as VerifyReason]?.[locale] ?? e.outcome}`}</>}
              </p>
              <p className="hint">
                <time dateTime={e.at.toISOString()}>{when.format(e.at)} WIB</time> · {actor[e.actor]}
              </p>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href="/riwayat">{t.verifications}</Link>
      </p>
      <p>
        <Link href="/kartu">{t.back}</Link>
      </p>
    </section>
  );
}
