import { apiRoute, clientIp, methodNotAllowed } from "@ktp/core/server/http";
import { jwksResponse } from "@ktp/core/server/identity/public-documents";
import { getDb, getRateLimiter } from "@/services";

/** The platform's public signing keys (docs/identity-token.md). Served directly by server.ts. */
export const GET = apiRoute(async (request) => {
  await getRateLimiter().consume("publicKeysIp", clientIp(request));
  return jwksResponse({ db: getDb() });
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
