import { z } from "zod";
import { ZNik } from "./nik.ts";

// What crosses the wire at the counter: the officer's sign-in and decisions, the citizen's scan.

export const ZOfficerSignInRequest = z.object({
  nip: z.string({ error: "OFFICER_CREDENTIALS_WRONG" }).trim().regex(/^\d{18}$/, { error: "OFFICER_CREDENTIALS_WRONG" }),
  password: z.string({ error: "OFFICER_CREDENTIALS_WRONG" }).min(1, { error: "OFFICER_CREDENTIALS_WRONG" }).max(200, { error: "OFFICER_CREDENTIALS_WRONG" }),
  counter: z.string({ error: "COUNTER_UNKNOWN" }).min(1, { error: "COUNTER_UNKNOWN" }).max(16, { error: "COUNTER_UNKNOWN" }),
});
export type TOfficerSignInRequest = z.infer<typeof ZOfficerSignInRequest>;

/** Why an officer refuses; "OTHER" needs a note. */
export const REFUSAL_REASONS = ["FACE_MISMATCH", "NOT_PRESENT", "DOCUMENT_DOUBT", "SYNCED_PASSKEY", "OTHER"] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const ZDecisionRequest = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("APPROVED") }),
  z.object({
    decision: z.literal("REFUSED"),
    reason: z.enum(REFUSAL_REASONS, { error: "REFUSAL_REASON_REQUIRED" }),
    note: z.string().trim().max(400).optional(),
  }),
], { error: "VALIDATION_FAILED" });
export type TDecisionRequest = z.infer<typeof ZDecisionRequest>;

/** An activation QR: a compact JWS, kept short so every phone camera reads it. */
export const ZActivationQr = z.string({ error: "QR_INVALID" }).regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { error: "QR_INVALID" }).max(600, { error: "QR_INVALID" });

export const ZScanQrRequest = z.object({
  qr: ZActivationQr,
  /** base64url ECDSA signature of the QR text by the phone's device key. */
  deviceKeySignature: z.string({ error: "DEVICE_KEY_INVALID" }).regex(/^[A-Za-z0-9_-]{40,200}$/, { error: "DEVICE_KEY_INVALID" }),
});
export type TScanQrRequest = z.infer<typeof ZScanQrRequest>;

export const ZResidentLookup = z.object({ nik: ZNik });

export const ZResetRequest = z.object({
  nik: ZNik,
  action: z.enum(["DEVICE", "PIN", "FACE_IN_PERSON"], { error: "VALIDATION_FAILED" }),
  note: z.string().trim().max(400).optional(),
});
export type TResetRequest = z.infer<typeof ZResetRequest>;

/** How long an activation QR lives; the console shows a new one well before. */
export const QR_LIFETIME_SECONDS = 60;
export const QR_ROTATE_SECONDS = 20;

/** The refusal reasons as the officer picks them and the citizen reads them. */
export const REFUSAL_TEXT: Record<RefusalReason, { id: string; en: string }> = {
  FACE_MISMATCH: { id: "Wajah pemohon tidak sesuai dengan foto e-KTP.", en: "The applicant's face does not match the e-KTP photo." },
  NOT_PRESENT: { id: "Pemilik NIK tidak hadir sendiri di loket.", en: "The NIK's owner was not present at the counter in person." },
  DOCUMENT_DOUBT: { id: "Data atau dokumen kependudukan perlu diperbaiki dulu.", en: "The civil registration data or documents need correcting first." },
  SYNCED_PASSKEY: { id: "Kunci sandi di ponsel ini tersinkron ke perangkat lain; gunakan kunci sandi khusus ponsel ini.", en: "The passkey on this phone syncs to other devices; use a passkey kept on this phone only." },
  OTHER: { id: "Alasan lain, dijelaskan petugas.", en: "Another reason, explained by the officer." },
};
