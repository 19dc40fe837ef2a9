import { ACTIVATION_STEPS, type ActivationStep, activationStepIndex, type RegistrationStep } from "@ktp/core/universal/registration";
import type { CitizenMessages } from "./messages.ts";

/** The page where a registration at `step` continues. */
export function stepPath(step: RegistrationStep): string {
  if (step === "SELFIE") return "/daftar/swafoto";
  if (step === "PIN") return "/daftar/pin";
  if (step === "DEVICE") return "/daftar/perangkat";
  if (step === "COUNTER") return "/daftar/loket";
  return "/daftar/status";
}

/** "Langkah 2 dari 6", counted in ACTIVATION_STEPS, the one list every screen uses. */
export function stepCount(t: CitizenMessages["activationSteps"], step: ActivationStep): string {
  return t.count.replace("{n}", String(ACTIVATION_STEPS.indexOf(step) + 1)).replace("{total}", String(ACTIVATION_STEPS.length));
}

/** The activation step a registration is doing, or null once it is active or ended. */
export function currentActivationStep(step: RegistrationStep): ActivationStep | null {
  const index = activationStepIndex(step);
  return index === null ? null : (ACTIVATION_STEPS[index] ?? null);
}

/** Why a step's page sent the citizen elsewhere (`?alasan=`), shown on the page they land on. */
export type RedirectReason = "belum" | "sudah" | "tidak-ada";
export function redirectReason(value: string | string[] | undefined): RedirectReason | null {
  return value === "belum" || value === "sudah" || value === "tidak-ada" ? value : null;
}
