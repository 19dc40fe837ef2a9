import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { checkReceipt } from "@ktp/core/server/verifier/receipts";
import { ZReceiptCheckRequest } from "@ktp/core/universal/receipts";
import { getDb, getRateLimiter } from "@/services";
import { issuer } from "@/issuer";

/** Public: is this receipt genuine? Anyone may ask (a bank's auditor, the citizen, a court). */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("receiptCheckIp", clientIp(request));
  const { receipt } = await readJson(request, ZReceiptCheckRequest);
  return Response.json(await checkReceipt({ db: getDb(), receipt, issuer: issuer() }));
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
