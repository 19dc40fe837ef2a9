import { claimRegistrationHandoff } from "@ktp/core/server/activation/claim-handoff";
import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { ZClaimHandoffRequest } from "@ktp/core/universal/registration";
import { getDb, getRateLimiter } from "@/services";
import { writeResumeToken } from "@/registration-cookie";

// The phone's side of "Lanjutkan di ponsel": the QR's one-time code moves the registration here.
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("handoffClaimIp", clientIp(request));
  const { code } = await readJson(request, ZClaimHandoffRequest);
  const { resumeToken, registration } = await claimRegistrationHandoff({ db: getDb(), code, userAgent: request.headers.get("user-agent"), requestId: requestId(request) });
  await writeResumeToken(resumeToken);
  return Response.json(registration);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
