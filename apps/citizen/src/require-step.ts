import { redirect } from "next/navigation";
import { findRegistration, toRegistrationView } from "@ktp/core/server/activation/registration-view";
import { activationStepIndex, type RegistrationStep } from "@ktp/core/universal/registration";
import { getDb } from "./services.ts";
import { readResumeToken } from "./registration-cookie.ts";
import { stepPath } from "./registration-steps.ts";

/**
 * For a step's page: the citizen's registration if it stands at `step`; otherwise a redirect to
 * where it does stand (or to the first step when there is none), with `?alasan=` saying why, which
 * the page landed on shows: "belum" (that step must be done first), "sudah" (the one asked for is
 * done), "tidak-ada" (no registration in this browser). `step` null accepts any step.
 */
export async function requireStep(step: RegistrationStep | null) {
  const db = getDb();
  const registration = await findRegistration({ db, resumeToken: await readResumeToken() });
  if (!registration) redirect("/daftar?alasan=tidak-ada");
  if (step && registration.step !== step) {
    const asked = activationStepIndex(step) ?? 0;
    const at = activationStepIndex(registration.step) ?? 0;
    // Off the path (refused, or sent to the counter for the selfie), nothing asked for is "done".
    const offPath = registration.step === "REFUSED" || registration.step === "COUNTER_REQUIRED";
    redirect(`${stepPath(registration.step)}?alasan=${offPath || at < asked ? "belum" : "sudah"}`);
  }
  return toRegistrationView(db, registration);
}
