// Verifiers ("pengguna data"): their registration, and what a verification answers. Browser-safe:
// the scan page shows the same reasons, offline too.

import { z } from "zod";
import type { LocalizedText } from "./errors.ts";
import { type IdentityField, PURPOSES } from "./identity/purposes.ts";
import { zText } from "./text.ts";

export const VERIFIER_ORG_TYPES = ["BANK", "AIRLINE_AIRPORT", "HOSPITAL", "HOTEL", "TELCO", "GOVERNMENT", "OTHER"] as const;
export type VerifierOrgType = (typeof VERIFIER_ORG_TYPES)[number];

/** How old a cached status list may be for an offline result to count, by kind of organisation (minutes). */
export const OFFLINE_STATUS_MAX_MINUTES: Record<VerifierOrgType, number> = {
  BANK: 60,
  TELCO: 60,
  GOVERNMENT: 60,
  HOTEL: 360,
  AIRLINE_AIRPORT: 360,
  HOSPITAL: 1440,
  OTHER: 60,
};

/** Why a verification failed: one code per cause, each with a sentence for the staff. */
export const VERIFY_REASONS = {
  TOKEN_MALFORMED: { id: "Ini bukan QR KTP Digital, atau QR-nya rusak.", en: "This is not a KTP Digital QR, or it is damaged." },
  TOKEN_BAD_SIGNATURE: { id: "Tanda tangan QR tidak sah: QR ini dipalsukan atau diubah.", en: "The QR's signature is not valid: it was forged or altered." },
  TOKEN_UNKNOWN_KEY: { id: "QR ini tidak ditandatangani oleh kunci Dukcapil yang dikenal.", en: "This QR was not signed by a known Dukcapil key." },
  TOKEN_EXPIRED: { id: "QR sudah kedaluwarsa. Minta warga menampilkan QR terbaru.", en: "The QR has expired. Ask the citizen to show a fresh one." },
  TOKEN_NOT_YET_VALID: { id: "QR belum berlaku. Periksa jam perangkat ini.", en: "The QR is not valid yet. Check this device's clock." },
  TOKEN_REVOKED: { id: "KTP Digital ini sudah tidak berlaku (dicabut).", en: "This KTP Digital is no longer valid (revoked)." },
  IDENTITY_LOCKED: { id: "KTP Digital ini sedang dikunci oleh pemiliknya.", en: "The owner has locked this KTP Digital." },
  PURPOSE_NOT_ALLOWED: { id: "Organisasi Anda tidak terdaftar untuk keperluan ini.", en: "Your organisation is not registered for this purpose." },
  NOT_SHARED: {
    id: "Warga tidak membagikan data untuk keperluan ini. Minta QR dengan keperluan yang sesuai.",
    en: "The citizen did not share data for this purpose. Ask for a QR with the right purpose.",
  },
  PRESENTATION_USED: { id: "QR ini sudah dipakai oleh organisasi lain.", en: "This QR has already been used by another organisation." },
  STATUS_UNKNOWN: { id: "Belum dapat dipastikan: status KTP Digital terlalu lama tidak diperbarui.", en: "Cannot be confirmed yet: the KTP Digital status has not been refreshed for too long." },
} as const satisfies Record<string, LocalizedText>;
export type VerifyReason = keyof typeof VERIFY_REASONS;

/** Clocks of phones and counters drift; a token is accepted this far outside its window. */
export const CLOCK_SKEW_SECONDS = 30;

/** Why a token's time window refuses it at `nowSeconds`, or null: the same rule online and offline. */
export function tokenTimeReason(claims: { iat: number; exp: number }, nowSeconds: number): "TOKEN_EXPIRED" | "TOKEN_NOT_YET_VALID" | null {
  if (claims.exp + CLOCK_SKEW_SECONDS < nowSeconds) return "TOKEN_EXPIRED";
  if (claims.iat - CLOCK_SKEW_SECONDS > nowSeconds) return "TOKEN_NOT_YET_VALID";
  return null;
}

export interface VerifyResult {
  verdict: "valid" | "invalid";
  reason: VerifyReason | null;
  /** Shown fields, values as on the e-KTP; `photo` is a data: URL of the e-KTP photo. */
  fields: Partial<Record<IdentityField, string | boolean>>;
  /** Fields the verifier's purpose asks for that the citizen did not share. */
  withheld: IdentityField[];
  /** The receipt's id; null when invalid. */
  receiptId: string | null;
  /** The signed receipt (JWS), checkable against the JWKS. */
  receipt: string | null;
}

/** `POST /api/v1/verify` (docs/api/verify.openapi.yaml). */
export const ZVerifyRequest = z
  .object({
    token: zText({ max: 2048, error: "VALIDATION_FAILED" }),
    purpose: z.enum(PURPOSES, { error: "PURPOSE_UNKNOWN" }),
    /** A branch of the organisation, by name. */
    branch: zText({ max: 120 }).optional(),
  })
  .strict();

/** How late the scan page may send a result it made offline. */
export const OFFLINE_RESULT_MAX_AGE_HOURS = 72;

/** The scan page sending a result it made offline (`POST /api/pindai/luring`): its own id, and when it was made. */
export const ZOfflineResultRequest = ZVerifyRequest.extend({
  id: z.uuid({ error: "VALIDATION_FAILED" }),
  at: z
    .number({ error: "VALIDATION_FAILED" })
    .int()
    .refine((at) => at <= Date.now() + 60_000 && at >= Date.now() - OFFLINE_RESULT_MAX_AGE_HOURS * 3600_000, { error: "VALIDATION_FAILED" }),
}).strict();
export type TOfflineResultRequest = z.infer<typeof ZOfflineResultRequest>;

/** An organisation registering (apps/verifier, "Daftar"). */
export const ZRegisterVerifierOrgRequest = z
  .object({
    legalName: zText({ min: 3, max: 200 }),
    registrationNumber: zText({ min: 5, max: 64 }).refine((s) => /^[A-Z0-9./-]+$/i.test(s), { error: "VALIDATION_FAILED" }),
    type: z.enum(VERIFIER_ORG_TYPES),
    purposes: z
      .array(z.enum(PURPOSES, { error: "PURPOSE_UNKNOWN" }))
      .min(1)
      .max(PURPOSES.length),
    contactEmail: z.email().max(254),
    branches: z
      .array(z.object({ name: zText({ min: 2, max: 120 }), city: zText({ min: 2, max: 80 }) }).strict())
      .min(1)
      .max(50),
  })
  .strict();
export type TRegisterVerifierOrgRequest = z.infer<typeof ZRegisterVerifierOrgRequest>;

// ---------------------------------------------------------------- oversight (officer console, admin)

/** One or more purposes, each once. */
function zPurposeList() {
  return z
    .array(z.enum(PURPOSES, { error: "PURPOSE_UNKNOWN" }))
    .min(1, { error: "PURPOSE_UNKNOWN" })
    .max(PURPOSES.length)
    .refine((list) => new Set(list).size === list.length, { error: "VALIDATION_FAILED" });
}

/** The admin's decision on an organisation: approve (with the purposes granted), refuse or suspend (with the reason it is told). */
export const ZOrgDecisionRequest = z.discriminatedUnion(
  "decision",
  [
    z.object({ decision: z.literal("APPROVE"), purposes: zPurposeList().optional() }).strict(),
    z.object({ decision: z.enum(["REFUSE", "SUSPEND"]), reason: zText({ min: 3, max: 500, multiline: true, error: "REFUSAL_REASON_REQUIRED" }) }).strict(),
  ],
  { error: "VALIDATION_FAILED" },
);

/** A new API key for an approved organisation, scoped to some of its purposes. */
export const ZApiKeyRequest = z
  .object({
    label: zText({ min: 2, max: 80 }),
    purposes: zPurposeList(),
  })
  .strict();

/** A new scan-page account; its first password is made by the server and shown once. */
export const ZStaffRequest = z.object({ email: z.email({ error: "VALIDATION_FAILED" }).max(254), nama: zText({ min: 2, max: 100 }) }).strict();

/** What is done with a staff account: disable it, or remove its passkeys after a lost phone. */
export const ZStaffActionRequest = z.object({ action: z.enum(["DISABLE", "RESET_PASSKEYS"], { error: "VALIDATION_FAILED" }) }).strict();

/** An admin closes a citizen's "Bukan saya" report, saying what was done. */
export const ZCloseReportRequest = z.object({ outcome: zText({ min: 3, max: 500, multiline: true }) }).strict();

export const ZApiKeyPrefix = z.string({ error: "NOT_FOUND" }).regex(/^[A-Za-z0-9]{10}$/, { error: "NOT_FOUND" });

/** A record's id in a URL: anything that is not a UUID cannot name one. */
export const ZRecordId = z.uuid({ error: "NOT_FOUND" });

/** An organisation as the admin's oversight page shows it (`listVerifierOrgs`); never a key's secret. */
export interface VerifierOrgView {
  id: string;
  legalName: string;
  registrationNumber: string;
  type: VerifierOrgType;
  purposes: string[];
  status: "PENDING" | "APPROVED" | "REFUSED" | "SUSPENDED";
  decisionReason: string | null;
  decidedAt: Date | null;
  contactEmail: string;
  offlineStatusMaxMinutes: number;
  createdAt: Date;
  branches: { name: string; city: string }[];
  apiKeys: { prefix: string; label: string; purposes: string[]; createdAt: Date; revokedAt: Date | null }[];
  staff: { id: string; email: string; nama: string; disabledAt: Date | null; lockedUntil: Date | null; passkeyEnrolled: boolean }[];
  verifications: number;
  openReports: number;
}

/** A citizen's "Bukan saya" report with the verification it points to (`listMisuseReports`); the citizen masked. */
export interface MisuseReport {
  id: string;
  at: Date;
  reportedAt: Date | null;
  reportNote: string | null;
  reportClosedAt: Date | null;
  reportOutcome: string | null;
  askedPurpose: string;
  sharedPurpose: string | null;
  verdict: string;
  reason: string | null;
  fields: string[];
  offline: boolean;
  org: { id: string; legalName: string; status: VerifierOrgView["status"] };
  branch: { name: string; city: string } | null;
  staff: { id: string; nama: string; email: string } | null;
  apiKey: { id: string; prefix: string; label: string } | null;
  citizen: { nik: string; email: string; phone: string } | null;
}
