import { CameraPolicyGate } from "@ktp/ui/camera-policy-gate";
import { getLocale } from "@ktp/ui/locale";
import { SelfieStep } from "@/components/selfie-step";
import { StepScreen } from "@/components/step-screen";
import { messages } from "@/messages";
import { redirectReason } from "@/registration-steps";
import { requireStep } from "@/require-step";

export default async function SelfieStepPage({ searchParams }: { searchParams: Promise<{ alasan?: string | string[] }> }) {
  const view = await requireStep("SELFIE");
  const locale = await getLocale();
  const t = messages[locale];
  return (
    <StepScreen locale={locale} t={t} step="SELFIE" reason={redirectReason((await searchParams).alasan)} title={t.selfie.title} lead={t.selfie.lead.replace("{name}", view.maskedName)}>
      <CameraPolicyGate>
        <SelfieStep locale={locale} t={t.selfie} flow={t.flow.handoff} />
      </CameraPolicyGate>
      <p className="hint">
        {t.selfie.attemptsInfo.replace("{n}", String(view.selfieAttemptsLeft))} {t.selfie.privacy} {t.flow.handoff.noUpload}
      </p>
    </StepScreen>
  );
}
