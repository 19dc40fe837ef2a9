import { changeRegistrationContact } from "@ktp/core/server/activation/change-contact";
import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { ZChangeContactRequest } from "@ktp/core/universal/registration";
import { getDb, getRateLimiter } from "@/services";
import { readResumeToken } from "@/registration-cookie";

// "Ubah e-mail atau nomor ponsel", before the counter decides and the e-mail goes out.
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const resumeToken = await readResumeToken();
  const body = await readJson(request, ZChangeContactRequest);
  const registration = await changeRegistrationContact({ db: getDb(), resumeToken, request: body, limiter: getRateLimiter(), requestId: requestId(request) });
  return Response.json(registration);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
