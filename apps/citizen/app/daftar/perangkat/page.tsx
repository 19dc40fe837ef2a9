import { getLocale } from "@ktp/ui/locale";
import { DeviceStep } from "@/components/device-step";
import { StepScreen } from "@/components/step-screen";
import { messages } from "@/messages";
import { redirectReason } from "@/registration-steps";
import { requireStep } from "@/require-step";

export default async function DeviceStepPage({ searchParams }: { searchParams: Promise<{ alasan?: string | string[] }> }) {
  await requireStep("DEVICE");
  const locale = await getLocale();
  const t = messages[locale];
  return (
    <StepScreen locale={locale} t={t} step="DEVICE" reason={redirectReason((await searchParams).alasan)} title={t.device.title} lead={t.device.lead}>
      <DeviceStep locale={locale} t={t.device} />
      <p className="hint">{t.device.note}</p>
    </StepScreen>
  );
}
