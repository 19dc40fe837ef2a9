import Link from "next/link";
import { REFUSAL_TEXT } from "@ktp/core/universal/counter";
import { getLocale } from "@ktp/ui/locale";
import { ResendEmail } from "@/components/resend-email";
import { messages } from "@/messages";
import { requireStep } from "@/require-step";
import { stepPath } from "@/registration-steps";

export default async function RegistrationStatusPage() {
  const view = await requireStep(null);
  const locale = await getLocale();
  const t = messages[locale].status;
  const current = t.steps.findIndex(([step]) => step === view.step);
  const refusal = view.refusal ? `${REFUSAL_TEXT[view.refusal.reason][locale]}${view.refusal.note ? ` (${view.refusal.note})` : ""}` : "";
  return (
    <section className="card">
      <h1>{t.title}</h1>
      <p className="lead" data-testid="status-message">
        {(t.messages[view.step] ?? "").replace("{reason}", refusal)}
      </p>
      <ol className="stepper">
        {t.steps.map(([step, label], i) => (
          <li key={step} data-state={i < current ? "done" : i === current ? "current" : "todo"} aria-current={i === current ? "step" : undefined}>
            {label}
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
      <p className="hint">{t.owner.replace("{name}", view.maskedName).replace("{email}", view.maskedEmail)}</p>
      {view.step !== "ACTIVE" && (
        <p className="hint" data-testid="registration-reference">
          {t.reference.replace("{reference}", view.reference)}
        </p>
      )}
    </section>
  );
}
