import { getLocale } from "@ktp/ui/locale";
import { ResidentDesk } from "@/components/resident-desk";
import { messages } from "@/messages";
import { requireOfficer } from "@/officer-cookie";

export const dynamic = "force-dynamic";

export default async function ResidentsPage() {
  await requireOfficer();
  const locale = await getLocale();
  const t = messages[locale].residents;
  return (
    <section className="card">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <ResidentDesk locale={locale} t={t} />
    </section>
  );
}
