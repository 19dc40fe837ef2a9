import { redirect } from "next/navigation";
import { findRegistration } from "@ktp/core/server/activation/registration-view";
import { getLocale } from "@ktp/ui/locale";
import { PinForm } from "@/components/pin-form";
import { getDb } from "@/db";
import { messages } from "@/messages";
import { readResumeToken } from "@/registration-cookie";
import { stepPath } from "@/registration-steps";

export default async function PinStepPage() {
  const registration = await findRegistration({ db: getDb(), resumeToken: await readResumeToken() });
  if (!registration) redirect("/daftar");
  if (registration.step !== "PIN") redirect(stepPath(registration.step));
  const locale = await getLocale();
  const t = messages[locale].pin;
  return (
    <section className="card">
      <p className="tag">{t.stepLabel}</p>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <PinForm locale={locale} t={t} />
    </section>
  );
}
