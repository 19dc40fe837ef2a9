import Link from "next/link";
import { findRegistration } from "@ktp/core/server/activation/registration-view";
import { ACTIVATION_STEPS } from "@ktp/core/universal/registration";
import { getLocale } from "@ktp/ui/locale";
import { InstallPrompt } from "@/components/install-prompt";
import { NikCheckForm } from "@/components/nik-check-form";
import { messages } from "@/messages";
import { readResumeToken } from "@/registration-cookie";
import { currentActivationStep, stepCount, stepPath } from "@/registration-steps";
import { getDb } from "@/services";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ batal?: string | string[] }> }) {
  const locale = await getLocale();
  const t = messages[locale];
  const cancelled = (await searchParams).batal === "1";
  // A registration in progress in this browser: the way back to it comes first.
  const registration = await findRegistration({ db: getDb(), resumeToken: await readResumeToken() });
  const at = registration && registration.step !== "ACTIVE" ? currentActivationStep(registration.step) : null;
  return (
    <>
      {cancelled && !at && (
        <p className="result" role="status" data-testid="flow-notice">
          {t.flow.cancelled}
        </p>
      )}
      {registration && at && (
        <section className="card" aria-labelledby="in-progress-title" data-testid="activation-in-progress">
          <h2 id="in-progress-title">{t.flow.inProgressTitle}</h2>
          <p className="lead">{t.flow.inProgress.replace("{step}", t.activationSteps.names[at]).replace("{count}", stepCount(t.activationSteps, at))}</p>
          <Link className="button" href={stepPath(registration.step)}>
            {t.flow.continue}
          </Link>
        </section>
      )}
      <section>
        <h1>{t.home.title}</h1>
        <p className="lead">{t.home.lead}</p>
        {!at && (
          <>
            <Link className="button" href="/daftar">
              {t.home.start}
            </Link>{" "}
          </>
        )}
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
          {ACTIVATION_STEPS.map((step) => (
            <li key={step}>
              <strong>{t.activationSteps.names[step]}.</strong> {t.activationSteps.details[step]}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
