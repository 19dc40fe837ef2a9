import { finishPinSignIn } from "@ktp/core/server/account/sign-in-pin";
import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { deriveKey } from "@ktp/core/server/secrets";
import { ZPinSignInRequest } from "@ktp/core/universal/sign-in";
import { getDb, getRateLimiter } from "@/services";
import { env } from "@/env";
import { readSessionToken, writeSessionToken } from "@/session-cookie";

/** The PIN, after the passkey: a right one signs the session in, under a new token. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("pinIp", clientIp(request));
  const { pin } = await readJson(request, ZPinSignInRequest);
  const { token } = await finishPinSignIn({
    db: getDb(),
    token: await readSessionToken(),
    pin,
    pinPepper: deriveKey(env().APP_SECRET, "pin-pepper"),
    requestId: requestId(request),
  });
  await writeSessionToken(token);
  return Response.json({ next: "CARD" });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
