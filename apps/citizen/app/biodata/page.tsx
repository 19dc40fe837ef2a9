import Link from "next/link";
import { redirect } from "next/navigation";
import { findBiodata } from "@ktp/core/server/wallet/biodata";
import { getLocale } from "@ktp/ui/locale";
import { BiodataView } from "@/components/wallet-views";
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
      <BiodataView biodata={biodata} locale={locale} t={t} />
      <p className="hint">{t.source}</p>
      <p>
        <Link href="/kartu">{t.back}</Link>
      </p>
    </section>
  );
}
