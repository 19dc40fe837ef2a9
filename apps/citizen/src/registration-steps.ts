import type { RegistrationStep } from "@ktp/core/universal/registration";

/** The page where a registration at `step` continues. */
export function stepPath(step: RegistrationStep): string {
  if (step === "SELFIE") return "/daftar/swafoto";
  if (step === "PIN") return "/daftar/pin";
  if (step === "DEVICE") return "/daftar/perangkat";
  if (step === "COUNTER") return "/daftar/loket";
  return "/daftar/status";
}
