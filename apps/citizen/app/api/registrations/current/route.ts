import { cancelRegistration } from "@ktp/core/server/activation/cancel-registration";
import { getRegistration, toRegistrationView } from "@ktp/core/server/activation/registration-view";
import { apiRoute, clientIp, methodNotAllowed, requestId } from "@ktp/core/server/http";
import { getDb, getRateLimiter } from "@/services";
import { clearResumeToken, readResumeToken } from "@/registration-cookie";

export const GET = apiRoute(async () => {
  const db = getDb();
  const registration = await getRegistration({ db, resumeToken: await readResumeToken() });
  return Response.json(await toRegistrationView(db, registration));
});

// "Batalkan pendaftaran": the citizen ends their own registration and this browser forgets it.
export const DELETE = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  await cancelRegistration({ db: getDb(), resumeToken: await readResumeToken(), requestId: requestId(request) });
  await clearResumeToken();
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed("GET", "DELETE");
export { POST as PUT, POST as PATCH };
