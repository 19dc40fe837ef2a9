import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { deriveKey } from "@ktp/core/server/secrets";
import { setIdentityLock } from "@ktp/core/server/wallet/lock-identity";
import { AppError } from "@ktp/core/universal/errors";
import { ZIdentityLockRequest } from "@ktp/core/universal/wallet";
import { getDb, getRateLimiter } from "@/services";
import { env } from "@/env";
import { signedInCitizen } from "@/session-cookie";

/** "Kunci KTP Digital": lock or unlock with the PIN. */
export const POST = apiRoute(async (request) => {
  const citizen = await signedInCitizen();
  if (!citizen) throw new AppError("NOT_SIGNED_IN");
  await getRateLimiter().consume("pinIp", clientIp(request));
  const { pin, locked } = await readJson(request, ZIdentityLockRequest);
  const result = await setIdentityLock({ db: getDb(), registrationId: citizen.registrationId, pin, pinPepper: deriveKey(env().APP_SECRET, "pin-pepper"), locked, requestId: requestId(request) });
  return Response.json(result);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
