import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { authenticateApiKey } from "@ktp/core/server/verifier/api-keys";
import { AppError } from "@ktp/core/universal/errors";
import { ZVerifyRequest } from "@ktp/core/universal/verifier";
import { getDb, getRateLimiter } from "@/services";
import { verifyScan } from "@/verify";

// A bank's back end checks an identity QR (docs/api/verify.openapi.yaml). Served directly by
// server.ts (decision 014).
export const POST = apiRoute(async (request) => {
  const holder = await authenticateApiKey(getDb(), request.headers.get("authorization"));
  if (!holder) {
    // Guessing keys is slow: failures are counted per address.
    await getRateLimiter().consume("apiKeyFailIp", clientIp(request));
    throw new AppError("API_KEY_INVALID");
  }
  await getRateLimiter().consume("apiKey", holder.prefix);
  const { token, purpose, branch } = await readJson(request, ZVerifyRequest);
  return Response.json(await verifyScan(request, { org: holder.org, apiKeyId: holder.apiKeyId, token, purpose, branch }));
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
