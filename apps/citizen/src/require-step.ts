import { redirect } from "next/navigation";
import { findRegistration, toRegistrationView } from "@ktp/core/server/activation/registration-view";
import type { RegistrationStep } from "@ktp/core/universal/registration";
import { getDb } from "./services.ts";
import { readResumeToken } from "./registration-cookie.ts";
import { stepPath } from "./registration-steps.ts";

/**
 * For a step's page: the citizen's registration if it stands at `step`; otherwise a redirect to
 * where it does stand (or to the first step when there is none). `step` null accepts any step.
 */
export async function requireStep(step: RegistrationStep | null) {
  const db = getDb();
  const registration = await findRegistration({ db, resumeToken: await readResumeToken() });
  if (!registration) redirect("/daftar");
  if (step && registration.step !== step) redirect(stepPath(registration.step));
  return toRegistrationView(db, registration);
}
