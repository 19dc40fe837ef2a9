import { getLocale } from "@ktp/ui/locale";
import { DeviceStep } from "@/components/device-step";
import { messages } from "@/messages";
import { requireStep } from "@/require-step";

export default async function DeviceStepPage() {
  await requireStep("DEVICE");
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
