import { CameraPolicyGate } from "@ktp/ui/camera-policy-gate";
import { getLocale } from "@ktp/ui/locale";
import { CounterScan } from "@/components/counter-scan";
import { StepScreen } from "@/components/step-screen";
import { messages } from "@/messages";
import { redirectReason } from "@/registration-steps";
import { requireStep } from "@/require-step";

export const dynamic = "force-dynamic";

export default async function CounterStepPage({ searchParams }: { searchParams: Promise<{ alasan?: string | string[] }> }) {
  const view = await requireStep("COUNTER");
  const locale = await getLocale();
  const t = messages[locale];
  return (
    <StepScreen locale={locale} t={t} step="COUNTER" reason={redirectReason((await searchParams).alasan)} title={t.counter.title} lead={t.counter.lead}>
      <CameraPolicyGate>
        <CounterScan locale={locale} t={t.counter} waitingAt={view.counter ? `${view.counter.code} · ${view.counter.name}` : null} />
      </CameraPolicyGate>
    </StepScreen>
  );
}
