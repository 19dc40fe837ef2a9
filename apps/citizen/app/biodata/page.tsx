import Link from "next/link";
import { redirect } from "next/navigation";
import { findBiodata } from "@ktp/core/server/wallet/biodata";
import { BIODATA_DATES, BIODATA_FIELDS } from "@ktp/core/universal/biodata";
import { longDate } from "@ktp/core/universal/family-card";
import { getLocale } from "@ktp/ui/locale";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { citizenOrSignIn } from "@/session-cookie";

export const dynamic = "force-dynamic";

/** "Biodata": everything SIAK holds about the citizen. */
export default async function BiodataPage() {
  const citizen = await citizenOrSignIn("/biodata");
  const biodata = await findBiodata({ db: getDb(), nik: citizen.nik });
  if (!biodata) redirect("/masuk");
  const locale = await getLocale();
  const t = messages[locale].biodata;
  return (
    <section>
      <h1>{t.title}</h1>
      <p className="hint">{t.lead}</p>
      <article className="card" data-testid="biodata">
        <dl className="ktp-fields">
          {BIODATA_FIELDS.map(([field, label]) => {
            const value = biodata[field];
            return (
              <div key={field}>
                <dt>{label[locale]}</dt>
                <dd data-field={field}>{value === null ? t.none : BIODATA_DATES.has(field) ? longDate(value, locale) : value}</dd>
              </div>
            );
          })}
        </dl>
      </article>
      <p className="hint">{t.source}</p>
      <p>
        <Link href="/kartu">{t.back}</Link>
      </p>
    </section>
  );
}
