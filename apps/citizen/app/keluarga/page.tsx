import Link from "next/link";
import { redirect } from "next/navigation";
import { findFamilyCard } from "@ktp/core/server/wallet/family-card";
import { getLocale } from "@ktp/ui/locale";
import { FamilyCardView } from "@/components/wallet-views";
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
      <FamilyCardView card={card} locale={locale} t={t} />
      <p className="hint">{t.source}</p>
      <p>
        <Link href="/kartu">{t.back}</Link>
      </p>
    </section>
  );
}
