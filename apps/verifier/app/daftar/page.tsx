import { getLocale } from "@ktp/ui/locale";
import { OrgRegistration } from "@/components/org-registration";
import { messages } from "@/messages";

export default async function RegisterOrgPage() {
  const locale = await getLocale();
  const t = messages[locale].register;
  return (
    <section className="card narrow">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <OrgRegistration locale={locale} t={t} />
    </section>
  );
}
