import { beginPinChange } from "@ktp/core/server/account/change-pin";
import { apiRoute, clientIp, methodNotAllowed } from "@ktp/core/server/http";
import { getDb, getRateLimiter } from "@/services";
import { relyingParty } from "@/relying-party";
import { readSessionToken } from "@/session-cookie";

/** A PIN change starts with the phone's passkey: options for navigator.credentials.get(). */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("signInIp", clientIp(request));
  return Response.json(await beginPinChange({ db: getDb(), rp: relyingParty(), token: await readSessionToken() }));
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
