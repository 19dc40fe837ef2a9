import { changePin } from "@ktp/core/server/account/change-pin";
import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { deriveKey } from "@ktp/core/server/secrets";
import { ZChangePinRequest } from "@ktp/core/universal/account";
import { getDb, getRateLimiter } from "@/services";
import { env } from "@/env";
import { relyingParty } from "@/relying-party";
import { readSessionToken } from "@/session-cookie";

/** "Ubah PIN": the passkey and the old PIN confirm, the new PIN twice. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("pinIp", clientIp(request));
  const body = await readJson(request, ZChangePinRequest, { maxBytes: 64 * 1024 });
  const result = await changePin({
    db: getDb(),
    rp: relyingParty(),
    token: await readSessionToken(),
    request: body,
    pinPepper: deriveKey(env().APP_SECRET, "pin-pepper"),
    requestId: requestId(request),
  });
  return Response.json(result);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
