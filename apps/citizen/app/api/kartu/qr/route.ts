import { apiRoute, methodNotAllowed, parseInput } from "@ktp/core/server/http";
import { issueOnlinePresentation } from "@ktp/core/server/identity/issue-presentations";
import { AppError } from "@ktp/core/universal/errors";
import { ZIdentityQrRequest } from "@ktp/core/universal/identity/qr-request";
import { getDb, getRateLimiter } from "@/services";
import { issuer, issuerSealKey } from "@/issuer";
import { signedInCitizen } from "@/session-cookie";

/** A fresh identity QR for the card, valid two minutes (docs/identity-token.md). */
export const GET = apiRoute(async (request) => {
  const citizen = await signedInCitizen();
  if (!citizen) throw new AppError("NOT_SIGNED_IN");
  await getRateLimiter().consume("identityQrCitizen", citizen.registrationId);
  const { purpose } = parseInput(ZIdentityQrRequest, Object.fromEntries(new URL(request.url).searchParams));
  const token = await issueOnlinePresentation({ db: getDb(), sealKey: issuerSealKey(), issuer: issuer(), ...citizen, purpose });
  return Response.json(token);
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
