import { redirect } from "next/navigation";
import { findRegistration, toRegistrationView } from "@ktp/core/server/activation/registration-view";
import { getLocale } from "@ktp/ui/locale";
import { SelfieStep } from "@/components/selfie-step";
import { getDb } from "@/db";
import { messages } from "@/messages";
import { readResumeToken } from "@/registration-cookie";
import { stepPath } from "@/registration-steps";

export default async function SelfieStepPage() {
  const db = getDb();
  const registration = await findRegistration({ db, resumeToken: await readResumeToken() });
  if (!registration) redirect("/daftar");
  if (registration.step !== "SELFIE") redirect(stepPath(registration.step));
  const view = await toRegistrationView(db, registration);
  const locale = await getLocale();
  const t = messages[locale].selfie;
  return (
    <section className="card">
      <p className="tag">{t.stepLabel}</p>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead.replace("{name}", view.maskedName)}</p>
      <SelfieStep locale={locale} t={t} />
      <p className="hint">{t.attemptsInfo.replace("{n}", String(view.selfieAttemptsLeft))} {t.privacy}</p>
    </section>
  );
}
