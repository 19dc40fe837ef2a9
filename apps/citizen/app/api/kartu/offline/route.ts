import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { issueOfflineBatch } from "@ktp/core/server/identity/issue-presentations";
import { AppError } from "@ktp/core/universal/errors";
import { getDb, getRateLimiter } from "@/services";
import { issuer, issuerSealKey } from "@/issuer";
import { signedInCitizen } from "@/session-cookie";

/** The tokens the phone keeps for 24 hours without signal: one per purpose and five minutes. */
export const POST = apiRoute(async () => {
  const citizen = await signedInCitizen();
  if (!citizen) throw new AppError("NOT_SIGNED_IN");
  await getRateLimiter().consume("offlineBatchCitizen", citizen.registrationId);
  const batch = await issueOfflineBatch({ db: getDb(), sealKey: issuerSealKey(), issuer: issuer(), ...citizen });
  return Response.json(batch);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
