import { apiRoute, clientIp, methodNotAllowed, parseInput, readJson, requestId } from "@ktp/core/server/http";
import { reportVerification } from "@ktp/core/server/wallet/verification-history";
import { AppError } from "@ktp/core/universal/errors";
import { ZReportVerificationRequest, ZVerificationId } from "@ktp/core/universal/wallet";
import { getDb, getRateLimiter } from "@/services";
import { signedInCitizen } from "@/session-cookie";

/** "Bukan saya / laporkan": flags one entry of the history for the officer console. */
export const POST = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const citizen = await signedInCitizen();
  if (!citizen) throw new AppError("NOT_SIGNED_IN");
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const id = parseInput(ZVerificationId, (await params).id);
  const { note } = await readJson(request, ZReportVerificationRequest);
  await reportVerification({ db: getDb(), registrationId: citizen.registrationId, verificationId: id, note, requestId: requestId(request) });
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
