import { getRegistration, toRegistrationView } from "@ktp/core/server/activation/registration-view";
import { apiRoute } from "@ktp/core/server/http";
import { getDb } from "@/db";
import { readResumeToken } from "@/registration-cookie";

export const GET = apiRoute(async () => {
  const db = getDb();
  const registration = await getRegistration({ db, resumeToken: await readResumeToken() });
  return Response.json(await toRegistrationView(db, registration), { headers: { "cache-control": "no-store" } });
});
