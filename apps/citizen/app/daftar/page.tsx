import { redirect } from "next/navigation";
import { findRegistration } from "@ktp/core/server/activation/registration-view";
import { getLocale } from "@ktp/ui/locale";
import { RegisterForm } from "@/components/register-form";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { readResumeToken } from "@/registration-cookie";
import { stepPath } from "@/registration-steps";

export default async function RegisterPage() {
  // Coming back mid-way continues where it stopped; after a refusal the citizen starts afresh.
  const registration = await findRegistration({ db: getDb(), resumeToken: await readResumeToken() });
  if (registration && registration.step !== "REFUSED") redirect(stepPath(registration.step));
  const locale = await getLocale();
  const t = messages[locale].register;
  return (
    <section className="card">
      <p className="tag">{t.stepLabel}</p>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <RegisterForm locale={locale} t={t} />
    </section>
  );
}
