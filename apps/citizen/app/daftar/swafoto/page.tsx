import { CameraPolicyGate } from "@ktp/ui/camera-policy-gate";
import { getLocale } from "@ktp/ui/locale";
import { SelfieStep } from "@/components/selfie-step";
import { messages } from "@/messages";
import { requireStep } from "@/require-step";

export default async function SelfieStepPage() {
  const view = await requireStep("SELFIE");
  const locale = await getLocale();
  const t = messages[locale].selfie;
  return (
    <section className="card">
      <p className="tag">{t.stepLabel}</p>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead.replace("{name}", view.maskedName)}</p>
      <CameraPolicyGate>
        <SelfieStep locale={locale} t={t} />
      </CameraPolicyGate>
      <p className="hint">
        {t.attemptsInfo.replace("{n}", String(view.selfieAttemptsLeft))} {t.privacy}
      </p>
    </section>
  );
}
