import { activateWithEmailLink } from "@ktp/core/server/activation/activate-with-email-link";
import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZActivateRequest } from "@ktp/core/universal/registration";
import { getDb, getRateLimiter } from "@/services";

export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const { token } = await readJson(request, ZActivateRequest);
  return Response.json(await activateWithEmailLink({ db: getDb(), token }));
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
