import type { RegistrationStep } from "@ktp/core/universal/registration";

/** The page where a registration at `step` continues. */
export function stepPath(step: RegistrationStep): string {
  return step === "SELFIE" ? "/daftar/swafoto" : "/daftar/status";
}
