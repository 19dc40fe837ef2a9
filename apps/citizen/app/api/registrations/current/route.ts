import { getRegistration, toRegistrationView } from "@ktp/core/server/activation/registration-view";
import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { getDb } from "@/services";
import { readResumeToken } from "@/registration-cookie";

export const GET = apiRoute(async () => {
  const db = getDb();
  const registration = await getRegistration({ db, resumeToken: await readResumeToken() });
  return Response.json(await toRegistrationView(db, registration));
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
