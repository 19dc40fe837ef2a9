import { redirect } from "next/navigation";
import { findRegistration } from "@ktp/core/server/activation/registration-view";
import { getLocale } from "@ktp/ui/locale";
import { RegisterForm } from "@/components/register-form";
import { StepScreen } from "@/components/step-screen";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { readResumeToken } from "@/registration-cookie";
import { redirectReason, stepPath } from "@/registration-steps";

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ alasan?: string | string[] }> }) {
  // Coming back mid-way continues where it stopped; after a refusal the citizen starts afresh.
  const registration = await findRegistration({ db: getDb(), resumeToken: await readResumeToken() });
  if (registration && registration.step !== "REFUSED") redirect(stepPath(registration.step));
  const locale = await getLocale();
  const t = messages[locale];
  return (
    <StepScreen locale={locale} t={t} step="DATA" reason={redirectReason((await searchParams).alasan)} title={t.register.title} lead={t.register.lead} cancel={false}>
      <RegisterForm locale={locale} t={t.register} />
    </StepScreen>
  );
}
