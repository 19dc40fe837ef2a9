import type { ReactNode } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import type { ActivationStep } from "@ktp/core/universal/registration";
import type { CitizenMessages } from "@/messages";
import { type RedirectReason, stepCount } from "@/registration-steps";
import { CancelRegistration } from "./cancel-registration.tsx";

export interface StepScreenProps {
  locale: Locale;
  t: CitizenMessages;
  /** Which of ACTIVATION_STEPS this screen is, for "Langkah 2 dari 6". */
  step: ActivationStep;
  /** Why the citizen was sent here from another step's page, if they were. */
  reason: RedirectReason | null;
  title: string;
  lead: ReactNode;
  /** Offer "Batalkan pendaftaran" (there is a registration to cancel). */
  cancel?: boolean;
  children: ReactNode;
}

/** The frame of each activation step's screen: the count from the one list, why the citizen landed here, the way out. */
export function StepScreen({ locale, t, step, reason, title, lead, cancel = true, children }: StepScreenProps) {
  const notYet = t.flow.notYet[step as keyof typeof t.flow.notYet] ?? t.flow.notYet.STATUS;
  const notice = reason === "belum" ? notYet : reason === "sudah" ? t.flow.alreadyDone : reason === "tidak-ada" ? t.flow.noRegistration : null;
  return (
    <section className="card">
      <p className="tag">{stepCount(t.activationSteps, step)}</p>
      {notice && (
        <p className="result" role="status" data-testid="flow-notice">
          {notice}
        </p>
      )}
      <h1>{title}</h1>
      {typeof lead === "string" ? <p className="lead">{lead}</p> : lead}
      {children}
      {cancel && <CancelRegistration locale={locale} t={t.flow} />}
    </section>
  );
}
