import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { checkOfflineBinding } from "@ktp/core/server/wallet/check-offline-binding";
import { ZOfflineBindingRequest } from "@ktp/core/universal/offline-wallet";
import { getDb, getRateLimiter } from "@/services";

/** The offline wallet's next contact: is its passkey still bound and unlocked? If not, the phone wipes what it kept. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("offlineBindingIp", clientIp(request));
  const { credentialId } = await readJson(request, ZOfflineBindingRequest);
  return Response.json(await checkOfflineBinding({ db: getDb(), credentialId }));
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
