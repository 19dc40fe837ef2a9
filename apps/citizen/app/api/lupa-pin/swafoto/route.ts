import { submitPinResetSelfie } from "@ktp/core/server/account/reset-forgotten-pin";
import { apiRoute, clientIp, methodNotAllowed, readImage } from "@ktp/core/server/http";
import { getDb, getRateLimiter } from "@/services";
import { readSessionToken } from "@/session-cookie";

/** "Lupa PIN": the selfie, matched with the e-KTP photo (read only once the reset is known). */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("selfieIp", clientIp(request));
  return Response.json(await submitPinResetSelfie({ db: getDb(), token: await readSessionToken(), readImage: () => readImage(request) }));
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
