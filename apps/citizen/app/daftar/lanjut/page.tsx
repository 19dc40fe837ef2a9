import { getLocale } from "@ktp/ui/locale";
import { ClaimHandoff } from "@/components/claim-handoff";
import { messages } from "@/messages";

// The phone's side of "Lanjutkan di ponsel": the code is in the URL's fragment, which only the page's script reads.
export default async function ContinueHerePage() {
  const locale = await getLocale();
  const t = messages[locale].flow;
  return (
    <section className="card">
      <h1>{t.claim.title}</h1>
      <p className="lead">{t.claim.lead}</p>
      <ClaimHandoff locale={locale} t={t} />
    </section>
  );
}
