// A verification's signed receipt (verify-presentation.ts signs it, server/verifier/receipts.ts
// checks it and renders it). Browser-safe: the public check page shows the same.

import { z } from "zod";
import type { LocalizedText } from "./errors.ts";
import type { Purpose } from "./identity/purposes.ts";

/** What a receipt says (the JWS payload). */
export interface ReceiptClaims {
  iss: string;
  /** The verification's id, also the receipt's. */
  jti: string;
  iat: number;
  org: { id: string; name: string };
  branch: string | null;
  purpose: Purpose;
  /** "Hanya untuk … oleh …": what the receipt may be used for. */
  stamp: string;
  /** Names of the fields shown, never their values. */
  fields: string[];
  /** The QR's presentation id (base64url). */
  pid: string;
}

export const RECEIPT_REASONS = {
  RECEIPT_MALFORMED: { id: "Ini bukan bukti verifikasi KTP Digital, atau isinya terpotong.", en: "This is not a KTP Digital verification receipt, or it is cut short." },
  RECEIPT_BAD_SIGNATURE: { id: "Tanda tangan tidak cocok: bukti ini diubah setelah ditandatangani.", en: "The signature does not match: this receipt was altered after it was signed." },
  RECEIPT_UNKNOWN_KEY: { id: "Bukti ini tidak ditandatangani oleh kunci platform KTP Digital yang dikenal.", en: "This receipt was not signed by a known KTP Digital platform key." },
} as const satisfies Record<string, LocalizedText>;
export type ReceiptReason = keyof typeof RECEIPT_REASONS;

export interface ReceiptCheck {
  valid: boolean;
  reason: ReceiptReason | null;
  claims: ReceiptClaims | null;
}

export const ZReceiptCheckRequest = z.object({ receipt: z.string({ error: "VALIDATION_FAILED" }).trim().min(1, { error: "VALIDATION_FAILED" }).max(4096, { error: "VALIDATION_FAILED" }) }).strict();
