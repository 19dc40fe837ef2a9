// The scan page's staff: sign-in with password then passkey, and what the page knows about them.
// Browser-safe.

import { z } from "zod";
import { ZCredentialId } from "./device.ts";
import type { Purpose } from "./identity/purposes.ts";
import { zText } from "./text.ts";
import type { VerifierOrgType } from "./verifier.ts";

export const ZStaffSignInRequest = z
  .object({
    email: z
      .email({ error: "STAFF_CREDENTIALS_WRONG" })
      .max(254, { error: "STAFF_CREDENTIALS_WRONG" })
      .transform((e) => e.toLowerCase()),
    password: zText({ min: 1, max: 200, trim: false, error: "STAFF_CREDENTIALS_WRONG" }),
  })
  .strict();
export type TStaffSignInRequest = z.infer<typeof ZStaffSignInRequest>;

/** The answer to the passkey step: a RegistrationResponseJSON (first sign-in) or an AuthenticationResponseJSON. */
export const ZStaffPasskeyRequest = z
  .object({
    credential: z
      .object({
        id: ZCredentialId("STAFF_PASSKEY_NOT_RECOGNISED"),
        rawId: ZCredentialId("STAFF_PASSKEY_NOT_RECOGNISED"),
        type: z.literal("public-key"),
        response: z.record(z.string(), z.unknown()),
      })
      .loose(),
  })
  .strict();
export type TStaffPasskeyRequest = z.infer<typeof ZStaffPasskeyRequest>;

/** Minutes to answer the passkey step once the password was right. */
export const STAFF_PASSKEY_SECONDS = 300;
/** A scan page left alone this long signs out. */
export const STAFF_IDLE_MINUTES = 30;
/** However busy, a shift's sign-in ends after this long. */
export const STAFF_SESSION_HOURS = 10;

/** What the password step answers: enrol a passkey (first sign-in) or use the enrolled one. */
export type StaffSignInStep = { next: "enrol"; options: Record<string, unknown> } | { next: "passkey"; options: Record<string, unknown> };

export interface StaffSessionView {
  staff: { nama: string; email: string };
  org: { legalName: string; type: VerifierOrgType; purposes: Purpose[]; offlineStatusMaxMinutes: number };
  branches: { name: string; city: string }[];
}
