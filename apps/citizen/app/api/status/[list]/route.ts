import { apiRoute, clientIp, methodNotAllowed } from "@ktp/core/server/http";
import { statusListResponse } from "@ktp/core/server/identity/public-documents";
import { getDb, getRateLimiter } from "@/services";
import { issuer, issuerSealKey } from "@/issuer";

/** A status list of the identity tokens (IETF Token Status List). Served directly by server.ts. */
export const GET = apiRoute(async (request: Request) => {
  await getRateLimiter().consume("publicKeysIp", clientIp(request));
  const list = new URL(request.url).pathname.split("/").at(-1) ?? "";
  return statusListResponse({ db: getDb(), sealKey: issuerSealKey(), list, issuer: issuer() });
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
