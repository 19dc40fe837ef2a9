import Link from "next/link";
import { REFUSAL_TEXT } from "@ktp/core/universal/counter";
import { ACTIVATION_STEPS, activationStepIndex, CONTACT_CHANGE_STEPS } from "@ktp/core/universal/registration";
import { getLocale } from "@ktp/ui/locale";
import { CancelRegistration } from "@/components/cancel-registration";
import { ChangeContact } from "@/components/change-contact";
import { ResendEmail } from "@/components/resend-email";
import { messages } from "@/messages";
import { requireStep } from "@/require-step";
import { redirectReason, stepPath } from "@/registration-steps";

const CANCELLABLE = ["SELFIE", "PIN", "DEVICE", "COUNTER", "EMAIL", "COUNTER_REQUIRED"];

export default async function RegistrationStatusPage({ searchParams }: { searchParams: Promise<{ alasan?: string | string[] }> }) {
  const view = await requireStep(null);
  const reason = redirectReason((await searchParams).alasan);
  const locale = await getLocale();
  const all = messages[locale];
  const t = all.status;
  const current = activationStepIndex(view.step) ?? -1;
  const refusal = view.refusal ? `${REFUSAL_TEXT[view.refusal.reason][locale]}${view.refusal.note ? ` (${view.refusal.note})` : ""}` : "";
  const contactSteps: readonly string[] = CONTACT_CHANGE_STEPS;
  return (
    <section className="card">
      {reason && (
        <p className="result" role="status" data-testid="flow-notice">
          {reason === "sudah" ? all.flow.alreadyDone : all.flow.notYet.STATUS}
        </p>
      )}
      <h1>{t.title}</h1>
      <p className="lead" data-testid="status-message">
        {(t.messages[view.step] ?? "").replace("{reason}", refusal)}
      </p>
      <ol className="stepper">
        {ACTIVATION_STEPS.map((step, i) => (
          <li key={step} data-state={i < current ? "done" : i === current ? "current" : "todo"} aria-current={i === current ? "step" : undefined}>
            {all.activationSteps.names[step]}
          </li>
        ))}
      </ol>
      {stepPath(view.step) !== "/daftar/status" && (
        <p>
          <Link className="button" href={stepPath(view.step)}>
            {t.continue}
          </Link>
        </p>
      )}
      {view.step === "EMAIL" && <ResendEmail locale={locale} t={t} />}
      {view.step === "REFUSED" && (
        <p>
          <Link className="button" href="/daftar">
            {t.again}
          </Link>
        </p>
      )}
      {view.step === "ACTIVE" && (
        <p>
          <Link className="button" href="/masuk">
            {t.signIn}
          </Link>
        </p>
      )}
      <p className="hint" data-testid="registration-owner">
        {t.owner.replace("{name}", view.maskedName).replace("{email}", view.maskedEmail)}
      </p>
      {contactSteps.includes(view.step) && <ChangeContact locale={locale} t={all.flow.contact} labels={all.register} />}
      {view.step !== "ACTIVE" && (
        <p className="hint" data-testid="registration-reference">
          {t.reference.replace("{reference}", view.reference)}
        </p>
      )}
      {CANCELLABLE.includes(view.step) && <CancelRegistration locale={locale} t={all.flow} />}
    </section>
  );
}
