import Link from "next/link";
import { redirect } from "next/navigation";
import { findFamilyCard } from "@ktp/core/server/wallet/family-card";
import { longDate, RELATIONSHIP_LABELS, SEX_LABELS } from "@ktp/core/universal/family-card";
import { getLocale } from "@ktp/ui/locale";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { citizenOrSignIn } from "@/session-cookie";

export const dynamic = "force-dynamic";

/** "Kartu Keluarga": the citizen's household from SIAK, other members' NIKs masked. */
export default async function FamilyCardPage() {
  const citizen = await citizenOrSignIn("/keluarga");
  const card = await findFamilyCard({ db: getDb(), nik: citizen.nik });
  if (!card) redirect("/masuk");
  const locale = await getLocale();
  const t = messages[locale].family;
  return (
    <section>
      <h1>{t.title}</h1>
      <p className="hint">{t.lead}</p>
      <article className="card" data-testid="family-card">
        <dl className="ktp-fields">
          <div>
            <dt>{t.noKk}</dt>
            <dd data-field="noKk">{card.noKk}</dd>
          </div>
          <div>
            <dt>{t.address}</dt>
            <dd>
              {card.address}, RT/RW {card.rtRw}, {card.village}, {card.district}, {card.regency}, {card.province} {card.postalCode}
            </dd>
          </div>
          <div>
            <dt>{t.issuedOn}</dt>
            <dd>{longDate(card.issuedOn, locale)}</dd>
          </div>
        </dl>
      </article>
      <h2>{t.members.replace("{count}", String(card.members.length))}</h2>
      <ol className="history family" data-testid="family-members">
        {card.members.map((m) => (
          <li key={m.nik} className="card" data-self={m.self || undefined} data-deceased={m.deceased || undefined}>
            <h3>
              {m.nama}
              {m.self ? ` (${t.you})` : ""}
            </h3>
            <dl className="ktp-fields">
              <div>
                <dt>{t.relationship}</dt>
                <dd>{RELATIONSHIP_LABELS[m.relationship][locale]}</dd>
              </div>
              <div>
                <dt>{t.nik}</dt>
                <dd data-field="nik">{m.nik}</dd>
              </div>
              <div>
                <dt>{t.sex}</dt>
                <dd>{SEX_LABELS[m.sex][locale]}</dd>
              </div>
              <div>
                <dt>{t.bornOn}</dt>
                <dd>{longDate(m.bornOn, locale)}</dd>
              </div>
            </dl>
            {m.deceased && <p className="hint">{t.deceased}</p>}
          </li>
        ))}
      </ol>
      <p className="hint">{t.source}</p>
      <p>
        <Link href="/kartu">{t.back}</Link>
      </p>
    </section>
  );
}
