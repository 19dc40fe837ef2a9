import { lockLostPhone } from "@ktp/core/server/account/report-lost-phone";
import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { ZLostPhoneLockRequest } from "@ktp/core/universal/account";
import { getDb, getRateLimiter } from "@/services";
import { clearSessionToken } from "@/session-cookie";

/** The e-mailed link, confirmed: everything locks until an officer resets the phone. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const { token } = await readJson(request, ZLostPhoneLockRequest);
  const result = await lockLostPhone({ db: getDb(), token, requestId: requestId(request) });
  await clearSessionToken();
  return Response.json(result);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
