import { requestLostPhoneLink } from "@ktp/core/server/account/report-lost-phone";
import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { ZLostPhoneRequest } from "@ktp/core/universal/account";
import { getDb, getMailer, getRateLimiter } from "@/services";
import { env } from "@/env";

/** "Ponsel hilang", from any browser: a link to the registered e-mail. The same answer for every NIK. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("lostPhoneIp", clientIp(request));
  const { nik } = await readJson(request, ZLostPhoneRequest);
  await getRateLimiter().consume("lostPhoneNik", nik);
  await requestLostPhoneLink({ db: getDb(), mailer: getMailer(), nik, citizenUrl: env().CITIZEN_URL, requestId: requestId(request) });
  return Response.json({ sent: true }, { status: 202 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
