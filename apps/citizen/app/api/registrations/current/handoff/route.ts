import { createRegistrationHandoff } from "@ktp/core/server/activation/create-handoff";
import { apiRoute, clientIp, methodNotAllowed, requestId } from "@ktp/core/server/http";
import { getDb, getRateLimiter } from "@/services";
import { env } from "@/env";
import { readResumeToken } from "@/registration-cookie";

// "Lanjutkan di ponsel": a one-time link for the QR (decision 026).
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const handoff = await createRegistrationHandoff({ db: getDb(), resumeToken: await readResumeToken(), citizenUrl: env().CITIZEN_URL, limiter: getRateLimiter(), requestId: requestId(request) });
  return Response.json(handoff, { status: 201 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
