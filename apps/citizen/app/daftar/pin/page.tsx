import { getLocale } from "@ktp/ui/locale";
import { PinForm } from "@/components/pin-form";
import { messages } from "@/messages";
import { requireStep } from "@/require-step";

export default async function PinStepPage() {
  await requireStep("PIN");
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
