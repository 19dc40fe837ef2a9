import { getRegistration } from "@ktp/core/server/activation/registration-view";
import { sendActivationEmail } from "@ktp/core/server/activation/send-activation-email";
import { apiRoute, clientIp, methodNotAllowed } from "@ktp/core/server/http";
import { getDb, getRateLimiter, getMailer } from "@/services";
import { env } from "@/env";
import { readResumeToken } from "@/registration-cookie";

// "Kirim ulang": a new activation link to the registration's e-mail address.
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const db = getDb();
  const registration = await getRegistration({ db, resumeToken: await readResumeToken() });
  const sent = await sendActivationEmail({ db, mailer: getMailer(), registrationId: registration.id, citizenUrl: env().CITIZEN_URL });
  return Response.json(sent);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
