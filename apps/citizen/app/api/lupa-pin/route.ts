import { startPinReset } from "@ktp/core/server/account/reset-forgotten-pin";
import { apiRoute, clientIp, methodNotAllowed, requestId } from "@ktp/core/server/http";
import { getDb, getMailer, getRateLimiter } from "@/services";
import { readSessionToken } from "@/session-cookie";

/** "Lupa PIN", after the passkey step: a code to the registered e-mail. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  return Response.json(await startPinReset({ db: getDb(), mailer: getMailer(), token: await readSessionToken(), requestId: requestId(request) }));
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
