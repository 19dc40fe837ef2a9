import { z } from "zod";
import type { KtpCard } from "./ktp-card.ts";
import { REFUSAL_REASONS, type RefusalReason, type RegistrationStep } from "./registration.ts";
import { ZNik } from "./nik.ts";
import { zText } from "./text.ts";

// What crosses the wire at the counter: the officer's sign-in and decisions, the citizen's scan.

export const ZOfficerSignInRequest = z.object({
  nip: z
    .string({ error: "OFFICER_CREDENTIALS_WRONG" })
    .trim()
    .regex(/^\d{18}$/, { error: "OFFICER_CREDENTIALS_WRONG" }),
  password: zText({ min: 1, max: 200, trim: false, error: "OFFICER_CREDENTIALS_WRONG" }),
  counter: zText({ min: 1, max: 16, error: "COUNTER_UNKNOWN" }),
});
export type TOfficerSignInRequest = z.infer<typeof ZOfficerSignInRequest>;

export const ZDecisionRequest = z.discriminatedUnion(
  "decision",
  [
    z.object({ decision: z.literal("APPROVED") }),
    z.object({
      decision: z.literal("REFUSED"),
      reason: z.enum(REFUSAL_REASONS, { error: "REFUSAL_REASON_REQUIRED" }),
      note: zText({ max: 400, multiline: true }).optional(),
    }),
  ],
  { error: "VALIDATION_FAILED" },
);
export type TDecisionRequest = z.infer<typeof ZDecisionRequest>;

/** An applicant in the console's URLs: a registration id; anything else is no applicant. */
export const ZApplicantId = z.uuid({ error: "APPLICANT_NOT_FOUND" });
/** Which of an applicant's photos: the selfie taken in the app, or the e-KTP photo from SIAK. */
export const ZApplicantPhoto = z.enum(["selfie", "ektp"], { error: "NOT_FOUND" });

/** An activation QR: a compact JWS, kept short so every phone camera reads it. */
export const ZActivationQr = z
  .string({ error: "QR_INVALID" })
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { error: "QR_INVALID" })
  .max(600, { error: "QR_INVALID" });

export const ZScanQrRequest = z.object({
  qr: ZActivationQr,
  /** base64url ECDSA signature of the QR text by the phone's device key. */
  deviceKeySignature: z.string({ error: "DEVICE_KEY_INVALID" }).regex(/^[A-Za-z0-9_-]{40,200}$/, { error: "DEVICE_KEY_INVALID" }),
});
export type TScanQrRequest = z.infer<typeof ZScanQrRequest>;

export const ZResidentLookup = z.object({ nik: ZNik });

/** Why the officer does it: kept in the audit record. */
const ZResetNote = zText({ min: 3, max: 400, multiline: true, error: "RESET_NOTE_REQUIRED" });

export const ZResetRequest = z.discriminatedUnion(
  "action",
  [
    z.object({ nik: ZNik, action: z.enum(["DEVICE", "PIN"]), note: ZResetNote }),
    /** CANCEL: a stranger's registration; FACE_IN_PERSON: the person's own, checked face to face. */
    z.object({ nik: ZNik, action: z.enum(["CANCEL", "FACE_IN_PERSON"]), registrationId: z.uuid({ error: "NOTHING_TO_RESET" }), note: ZResetNote }),
  ],
  { error: "VALIDATION_FAILED" },
);
export type TResetRequest = z.infer<typeof ZResetRequest>;

/** How long an activation QR lives; the console shows a new one well before. */
export const QR_LIFETIME_SECONDS = 60;
export const QR_ROTATE_SECONDS = 20;

/** The refusal reasons as the officer picks them and the citizen reads them. */
export const REFUSAL_TEXT: Record<RefusalReason, { id: string; en: string }> = {
  FACE_MISMATCH: { id: "Wajah pemohon tidak sesuai dengan foto e-KTP.", en: "The applicant's face does not match the e-KTP photo." },
  NOT_PRESENT: { id: "Pemilik NIK tidak hadir sendiri di loket.", en: "The NIK's owner was not present at the counter in person." },
  DOCUMENT_DOUBT: { id: "Data atau dokumen kependudukan perlu diperbaiki dulu.", en: "The civil registration data or documents need correcting first." },
  SYNCED_PASSKEY: {
    id: "Kunci sandi di ponsel ini tersinkron ke perangkat lain; gunakan kunci sandi khusus ponsel ini.",
    en: "The passkey on this phone syncs to other devices; use a passkey kept on this phone only.",
  },
  OTHER: { id: "Alasan lain, dijelaskan petugas.", en: "Another reason, explained by the officer." },
};

/** An applicant waiting at the counter, as the console shows them (`listApplicants`). */
export interface Applicant {
  id: string;
  scannedAt: Date;
  card: KtpCard;
  email: string;
  phone: string;
  matchScore: number | null;
  matchDecision: "match" | "review" | "no_match" | null;
  selfieAttempts: number;
  hasSelfie: boolean;
  /** The passkey may be synced to other devices (WebAuthn BE) or is synced now (BS). */
  passkeySynced: { eligible: boolean; now: boolean };
}

type RegistrationAction = "CANCEL" | "FACE_IN_PERSON";

/** A resident as the officer's desk shows them (`getResidentCase`). */
export interface ResidentCase {
  nik: string;
  nama: string;
  /** The active KTP Digital, if any. */
  active: {
    registrationId: string;
    since: Date;
    device: { createdAt: Date; synced: boolean } | null;
    pinLockedForCounter: boolean;
    /** The citizen reported the phone lost ("Ponsel hilang"): only a device reset here ends the lock. */
    lostReportedAt: Date | null;
  } | null;
  /** What SIAK records, beside the KTP Digital state: whether this resident may activate at all. */
  siak: { alive: boolean; wajibKtp: boolean; ektpRecorded: boolean; eligible: boolean; region: string };
  /** What may be done to the active KTP Digital. */
  actions: ("DEVICE" | "PIN")[];
  /**
   * Every registration still open for this NIK, with who is behind it, so the officer can tell the
   * person in front of them (same e-mail, phone and reference on their screen) from a stranger.
   */
  open: {
    id: string;
    /** The first 8 characters of the id, as the citizen's status page shows them. */
    reference: string;
    step: RegistrationStep;
    email: string;
    phone: string;
    userAgent: string | null;
    createdAt: Date;
    selfieAttempts: number;
    actions: RegistrationAction[];
  }[];
}
