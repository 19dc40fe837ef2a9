import { CameraPolicyGate } from "@ktp/ui/camera-policy-gate";
import { getLocale } from "@ktp/ui/locale";
import { CounterScan } from "@/components/counter-scan";
import { messages } from "@/messages";
import { requireStep } from "@/require-step";

export const dynamic = "force-dynamic";

export default async function CounterStepPage() {
  const view = await requireStep("COUNTER");
  const locale = await getLocale();
  const t = messages[locale].counter;
  return (
    <section className="card">
      <p className="tag">{t.stepLabel}</p>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <CameraPolicyGate>
        <CounterScan locale={locale} t={t} waitingAt={view.counter ? `${view.counter.code} · ${view.counter.name}` : null} />
      </CameraPolicyGate>
    </section>
  );
}
