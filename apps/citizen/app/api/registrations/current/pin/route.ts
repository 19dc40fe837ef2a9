import { setPin } from "@ktp/core/server/activation/set-pin";
import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZSetPinRequest } from "@ktp/core/universal/pin";
import { deriveKey } from "@ktp/core/server/secrets";
import { getDb, getRateLimiter } from "@/services";
import { env } from "@/env";
import { readResumeToken } from "@/registration-cookie";

export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const body = await readJson(request, ZSetPinRequest);
  const registration = await setPin({ db: getDb(), resumeToken: await readResumeToken(), request: body, pinPepper: deriveKey(env().APP_SECRET, "pin-pepper") });
  return Response.json(registration);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
