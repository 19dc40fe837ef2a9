import { redirect } from "next/navigation";
import { findRegistration } from "@ktp/core/server/activation/registration-view";
import { getLocale } from "@ktp/ui/locale";
import { DeviceStep } from "@/components/device-step";
import { getDb } from "@/db";
import { messages } from "@/messages";
import { readResumeToken } from "@/registration-cookie";
import { stepPath } from "@/registration-steps";

export default async function DeviceStepPage() {
  const registration = await findRegistration({ db: getDb(), resumeToken: await readResumeToken() });
  if (!registration) redirect("/daftar");
  if (registration.step !== "DEVICE") redirect(stepPath(registration.step));
  const locale = await getLocale();
  const t = messages[locale].device;
  return (
    <section className="card">
      <p className="tag">{t.stepLabel}</p>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <DeviceStep locale={locale} t={t} />
      <p className="hint">{t.note}</p>
    </section>
  );
}
