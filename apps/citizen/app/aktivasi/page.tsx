import { ERRORS } from "@ktp/core/universal/errors";
import { getLocale } from "@ktp/ui/locale";
import { ActivateButton } from "@/components/activate-button";
import { messages } from "@/messages";

export default async function ActivationLinkPage({ searchParams }: { searchParams: Promise<{ t?: string | string[] }> }) {
  const { t: token } = await searchParams;
  const locale = await getLocale();
  const t = messages[locale].activate;
  return (
    <section className="card">
      <h1>{t.title}</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="lead">{t.lead}</p>
          <ActivateButton token={token} locale={locale} t={t} />
        </>
      ) : (
        <p className="result bad">{ERRORS.ACTIVATION_LINK_INVALID[locale]}</p>
      )}
    </section>
  );
}
