import { z } from "zod";
import { ZNik } from "./nik.ts";
import { zText } from "./text.ts";

/** Why an officer refuses at the counter (the citizen reads it in REFUSAL_TEXT); "OTHER" needs a note. */
export const REFUSAL_REASONS = ["FACE_MISMATCH", "NOT_PRESENT", "DOCUMENT_DOUBT", "SYNCED_PASSKEY", "OTHER"] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** "0812-3456-7890", "+62 812 3456 7890", "62812…" → "+6281234567890"; null when not a mobile number. */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s().-]/g, "");
  const national = digits.replace(/^(\+62|62|0)/, "");
  if (!/^8\d{8,11}$/.test(national) || national === digits) return null;
  return `+62${national}`;
}

export const ZEmail = z
  .string({ error: "EMAIL_INVALID" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "EMAIL_INVALID" }).max(254, { error: "EMAIL_INVALID" }));

export const ZPhone = zText({ max: 32, error: "PHONE_INVALID" }).transform((value, ctx) => {
  const phone = normalizePhone(value);
  if (!phone) {
    ctx.addIssue({ code: "custom", message: "PHONE_INVALID" });
    return z.NEVER;
  }
  return phone;
});

export const ZStartRegistrationRequest = z.object({ nik: ZNik, email: ZEmail, phone: ZPhone });
export type TStartRegistrationRequest = z.infer<typeof ZStartRegistrationRequest>;

export type RegistrationStep = "SELFIE" | "PIN" | "DEVICE" | "COUNTER" | "EMAIL" | "ACTIVE" | "COUNTER_REQUIRED" | "SUPERSEDED" | "REFUSED" | "CANCELLED";

/** What the citizen app may know about its own registration. */
export interface RegistrationView {
  step: RegistrationStep;
  /** Shown to the officer at the counter, who finds the registration by it. */
  reference: string;
  maskedName: string;
  maskedEmail: string;
  selfieAttemptsLeft: number;
  /** The counter whose QR the citizen scanned, while the officer there decides. */
  counter: { code: string; name: string } | null;
  /** Why an officer refused, when step is REFUSED. */
  refusal: { reason: RefusalReason; note: string | null } | null;
}

/** What the citizen's status page shows so the officer can find their registration: "3F2A9C01". */
export function registrationReference(id: string): string {
  return id.replaceAll("-", "").slice(0, 8).toUpperCase();
}

export const MAX_SELFIE_ATTEMPTS = 3;
/** Selfies a registration may send in all, usable or not; then only the counter can continue it. */
export const MAX_SELFIE_UPLOADS = 10;

/** "budi.santoso@example.id" → "bu*********@example.id" */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 2)}${"*".repeat(Math.max(1, local.length - 2))}@${domain}`;
}

/** `POST /api/activation`: the token from the activation e-mail's link. */
export const ZActivateRequest = z.object({ token: z.string({ error: "ACTIVATION_LINK_INVALID" }).regex(/^[A-Za-z0-9_-]{43}$/, { error: "ACTIVATION_LINK_INVALID" }) });

/**
 * The steps of activation, in the one order every screen shows and counts them: the home page's
 * list, "Langkah 2 dari 6" on each step's screen and the stepper of /daftar/status (issue 13).
 */
export const ACTIVATION_STEPS = ["DATA", "SELFIE", "PIN", "DEVICE", "COUNTER", "EMAIL"] as const;
export type ActivationStep = (typeof ACTIVATION_STEPS)[number];

/**
 * Which of ACTIVATION_STEPS a registration at `step` is doing: its index; ACTIVATION_STEPS.length once
 * all are done; null for a registration that ended. COUNTER_REQUIRED still owes the selfie (checked
 * in person); a refusal happened at the counter.
 */
export function activationStepIndex(step: RegistrationStep): number | null {
  if (step === "ACTIVE") return ACTIVATION_STEPS.length;
  if (step === "COUNTER_REQUIRED") return ACTIVATION_STEPS.indexOf("SELFIE");
  if (step === "REFUSED") return ACTIVATION_STEPS.indexOf("COUNTER");
  if (step === "SUPERSEDED" || step === "CANCELLED") return null;
  return ACTIVATION_STEPS.indexOf(step);
}

/** Registration steps at which the citizen may still correct the e-mail or phone: before the counter decides, which sends the e-mail. */
export const CONTACT_CHANGE_STEPS = ["SELFIE", "PIN", "DEVICE", "COUNTER", "COUNTER_REQUIRED"] as const satisfies readonly RegistrationStep[];

/** `POST /api/registrations/current/contact`: the corrected e-mail and phone, the same rules as registering. */
export const ZChangeContactRequest = z.object({ email: ZEmail, phone: ZPhone });
export type TChangeContactRequest = z.infer<typeof ZChangeContactRequest>;

/** `POST /api/registrations/handoff`: the one-time code from the "continue on your phone" QR. */
export const ZClaimHandoffRequest = z.object({ code: z.string({ error: "HANDOFF_LINK_INVALID" }).regex(/^[A-Za-z0-9_-]{43}$/, { error: "HANDOFF_LINK_INVALID" }) });
export type TClaimHandoffRequest = z.infer<typeof ZClaimHandoffRequest>;

/** How long the "continue on your phone" QR works. */
export const HANDOFF_MINUTES = 10;
