import "server-only";
import { createLocalJWKSet, jwtVerify } from "jose";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { IDENTITY_FIELD_LABELS, type IdentityField, PURPOSE_RULES } from "../../universal/identity/purposes.ts";
import type { ReceiptCheck, ReceiptClaims } from "../../universal/receipts.ts";
import { publishedKeys } from "../identity/issuer-keys.ts";

// The signed receipt a verifier keeps instead of a photocopy (verify-presentation.ts signs it):
// the organisation fetches it as JSON or PDF, and anyone can check it against the JWKS.

/** One of the organisation's own receipts: the JWS and what it says. Another's is NOT_FOUND. */
export async function getReceipt({ db, orgId, id }: { db: Db; orgId: string; id: string }): Promise<{ id: string; receipt: string; claims: ReceiptClaims; branch: string | null }> {
  const row = await db.verification.findFirst({ where: { id, orgId, receipt: { not: null } }, select: { id: true, receipt: true, branch: { select: { name: true, city: true } } } });
  if (!row?.receipt) throw new AppError("NOT_FOUND");
  const [, payload] = row.receipt.split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as ReceiptClaims;
  return { id: row.id, receipt: row.receipt, claims, branch: row.branch ? `${row.branch.name}, ${row.branch.city}` : null };
}

/** Whether a receipt is genuine: signed by a published platform key, of this issuer, untouched. */
export async function checkReceipt({ db, receipt, issuer }: { db: Db; receipt: string; issuer: string }): Promise<ReceiptCheck> {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(receipt)) return { valid: false, reason: "RECEIPT_MALFORMED", claims: null };
  try {
    const { payload } = await jwtVerify(receipt, createLocalJWKSet(await publishedKeys(db)), { typ: "ktp-receipt+jwt", issuer, algorithms: ["EdDSA"] });
    return { valid: true, reason: null, claims: payload as unknown as ReceiptClaims };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      valid: false,
      reason: code === "ERR_JWKS_NO_MATCHING_KEY" ? "RECEIPT_UNKNOWN_KEY" : code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" ? "RECEIPT_BAD_SIGNATURE" : "RECEIPT_MALFORMED",
      claims: null,
    };
  }
}

const A4: [number, number] = [595.28, 841.89];

/** The receipt as a one-page PDF, stamped with its purpose, with the JWS to check it by. */
export async function receiptPdf({ receipt, claims, branch, checkUrl }: { receipt: string; claims: ReceiptClaims; branch: string | null; checkUrl: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Bukti verifikasi KTP Digital ${claims.jti}`);
  pdf.setSubject(claims.stamp);
  pdf.setProducer("KTP Digital");
  pdf.setCreationDate(new Date(claims.iat * 1000));
  const page = pdf.addPage(A4);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const blue = rgb(0.04, 0.31, 0.64);
  let y = A4[1] - 64;
  const text = (value: string, { size = 11, font = regular, x = 56, color = rgb(0.08, 0.13, 0.24) } = {}) => {
    // The standard fonts speak WinAnsi (Latin-1): anything else becomes "?".
    page.drawText(value.replace(/[^\x20-\x7E\xA0-\xFF…]/g, "?"), { x, y, size, font, color });
    y -= size * 1.6;
  };

  text("BUKTI VERIFIKASI KTP DIGITAL", { size: 18, font: bold, color: blue });
  text("Direktorat Jenderal Kependudukan dan Pencatatan Sipil - pengganti fotokopi KTP", { size: 10 });
  y -= 10;
  // The stamp: what this receipt may be used for, and by whom.
  page.drawRectangle({ x: 50, y: y - 14, width: A4[0] - 100, height: 34, borderColor: rgb(0.7, 0.14, 0.09), borderWidth: 2 });
  text(fit(claims.stamp.toUpperCase(), 80), { size: 11, font: bold, x: 60, color: rgb(0.7, 0.14, 0.09) });
  y -= 20;
  const purpose = PURPOSE_RULES[claims.purpose]?.label.id ?? claims.purpose;
  const fields = claims.fields.map((f) => IDENTITY_FIELD_LABELS[f as IdentityField]?.id ?? f).join(", ");
  const at = new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeStyle: "medium", timeZone: "Asia/Jakarta" }).format(claims.iat * 1000);
  for (const [label, value] of [
    ["Organisasi", claims.org.name],
    ["Cabang", branch ?? "-"],
    ["Keperluan", purpose],
    ["Data yang dibagikan warga", fields || "-"],
    ["Waktu", `${at} WIB`],
    ["Nomor bukti", claims.jti],
    ["Nomor presentasi QR", claims.pid],
  ] as const) {
    text(label, { size: 9, color: rgb(0.36, 0.39, 0.46) });
    y += 4;
    for (const line of wrap(value, 80)) text(line, { size: 12, font: bold });
    y -= 2;
  }
  y -= 8;
  text("Bukti ini ditandatangani secara elektronik oleh platform KTP Digital. Periksa keasliannya di", { size: 10 });
  text(checkUrl, { size: 10, font: bold, color: blue });
  text("dengan menempelkan tanda tangan berikut:", { size: 10 });
  for (const line of wrap(receipt, 86)) text(line, { size: 7, font: mono });
  return pdf.save();
}

function wrap(value: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < value.length; i += width) lines.push(value.slice(i, i + width));
  return lines.length ? lines : [""];
}

const fit = (value: string, width: number) => (value.length > width ? `${value.slice(0, width - 1)}…` : value);
