import { apiRoute, methodNotAllowed, parseInput } from "@ktp/core/server/http";
import { getReceipt, receiptPdf } from "@ktp/core/server/verifier/receipts";
import { ZVerificationId } from "@ktp/core/universal/wallet";
import { getDb } from "@/services";
import { env } from "@/env";
import { staffSession } from "@/staff-cookie";

/** One of the organisation's receipts as a PDF, stamped with its purpose (instead of a photocopy). */
export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await staffSession();
  const found = await getReceipt({ db: getDb(), orgId: session.org.id, id: parseInput(ZVerificationId, (await params).id) });
  const pdf = await receiptPdf({ ...found, checkUrl: new URL("/cek-bukti", env().VERIFIER_URL).toString() });
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="bukti-verifikasi-${found.id}.pdf"` },
  });
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
