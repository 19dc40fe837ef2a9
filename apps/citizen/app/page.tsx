import Link from "next/link";
import { getLocale } from "@ktp/ui/locale";
import { InstallPrompt } from "@/components/install-prompt";
import { NikCheckForm } from "@/components/nik-check-form";
import { messages } from "@/messages";

export default async function HomePage() {
  const locale = await getLocale();
  const t = messages[locale];
  return (
    <>
      <section>
        <h1>{t.home.title}</h1>
        <p className="lead">{t.home.lead}</p>
        <Link className="button" href="/daftar">
          {t.home.start}
        </Link>{" "}
        <Link className="button secondary" href="/masuk">
          {t.home.signIn}
        </Link>
      </section>
      <InstallPrompt t={t.install} />
      <section className="card" aria-labelledby="nik-check-title">
        <h2 id="nik-check-title">{t.nikCheck.title}</h2>
        <p className="hint">{t.nikCheck.lead}</p>
        <NikCheckForm locale={locale} t={t.nikCheck} />
      </section>
      <section className="card">
        <h2>{t.home.stepsTitle}</h2>
        <ol className="steps">
          {t.home.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
    </>
  );
}
