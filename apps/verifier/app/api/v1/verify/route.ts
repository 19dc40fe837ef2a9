import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { authenticateApiKey } from "@ktp/core/server/verifier/api-keys";
import { getBranchId } from "@ktp/core/server/verifier/branch-id";
import { verifyPresentation } from "@ktp/core/server/verifier/verify-presentation";
import { AppError } from "@ktp/core/universal/errors";
import { ZVerifyRequest } from "@ktp/core/universal/verifier";
import { getDb, getRateLimiter } from "@/services";
import { issuer, issuerSealKey } from "@/issuer";

// A bank's back end checks an identity QR (docs/api/verify.openapi.yaml). Served directly by
// server.ts (decision 014).
export const POST = apiRoute(async (request) => {
  const db = getDb();
  const holder = await authenticateApiKey(db, request.headers.get("authorization"));
  if (!holder) {
    // Guessing keys is slow: failures are counted per address.
    await getRateLimiter().consume("apiKeyFailIp", clientIp(request));
    throw new AppError("API_KEY_INVALID");
  }
  await getRateLimiter().consume("apiKey", holder.prefix);
  const body = await readJson(request, ZVerifyRequest);
  const branchId = body.branch === undefined ? null : await getBranchId({ db, orgId: holder.org.id, name: body.branch });
  const result = await verifyPresentation({
    db, sealKey: issuerSealKey(), issuer: issuer(), org: holder.org, branchId, apiKeyId: holder.apiKeyId,
    token: body.token, purpose: body.purpose, requestId: requestId(request),
  });
  return Response.json(result);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
