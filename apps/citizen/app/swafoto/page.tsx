import { getLocale } from "@ktp/ui/locale";
import { SelfieCheck } from "@/components/selfie-check";
import { messages } from "@/messages";

export default async function SelfiePage() {
  const locale = await getLocale();
  const t = messages[locale].selfie;
  return (
    <section className="card">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <SelfieCheck locale={locale} t={t} />
      <p className="hint">{t.privacy}</p>
    </section>
  );
}
