import { finishPinReset } from "@ktp/core/server/account/reset-forgotten-pin";
import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { deriveKey } from "@ktp/core/server/secrets";
import { ZFinishPinResetRequest } from "@ktp/core/universal/account";
import { getDb, getMailer, getRateLimiter } from "@/services";
import { env } from "@/env";
import { readSessionToken } from "@/session-cookie";

/** "Lupa PIN": the e-mailed code and the new PIN; the sign-in then waits for the new PIN. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("pinIp", clientIp(request));
  const { code, pin, confirmation } = await readJson(request, ZFinishPinResetRequest);
  await finishPinReset({
    db: getDb(),
    mailer: getMailer(),
    token: await readSessionToken(),
    code,
    request: { pin, confirmation },
    pinPepper: deriveKey(env().APP_SECRET, "pin-pepper"),
    requestId: requestId(request),
  });
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
