import { startRegistration } from "@ktp/core/server/activation/start-registration";
import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZStartRegistrationRequest } from "@ktp/core/universal/registration";
import { getDb, getRateLimiter } from "@/services";
import { writeResumeToken } from "@/registration-cookie";

// "Verifikasi Data": NIK + e-mail + phone, checked against SIAK.
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("registrationIp", clientIp(request));
  const body = await readJson(request, ZStartRegistrationRequest);
  const { resumeToken, registration } = await startRegistration({
    db: getDb(),
    request: body,
    limiter: getRateLimiter(),
    userAgent: request.headers.get("user-agent"),
  });
  await writeResumeToken(resumeToken);
  return Response.json(registration, { status: 201 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
