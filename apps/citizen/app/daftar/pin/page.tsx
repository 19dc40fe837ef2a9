import { getLocale } from "@ktp/ui/locale";
import { PinForm } from "@/components/pin-form";
import { StepScreen } from "@/components/step-screen";
import { messages } from "@/messages";
import { redirectReason } from "@/registration-steps";
import { requireStep } from "@/require-step";

export default async function PinStepPage({ searchParams }: { searchParams: Promise<{ alasan?: string | string[] }> }) {
  await requireStep("PIN");
  const locale = await getLocale();
  const t = messages[locale];
  return (
    <StepScreen locale={locale} t={t} step="PIN" reason={redirectReason((await searchParams).alasan)} title={t.pin.title} lead={t.pin.lead}>
      <PinForm locale={locale} t={t.pin} />
    </StepScreen>
  );
}
