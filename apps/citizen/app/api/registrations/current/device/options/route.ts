import { beginDeviceBinding } from "@ktp/core/server/activation/begin-device-binding";
import { apiRoute, clientIp, methodNotAllowed } from "@ktp/core/server/http";
import { getDb, getRateLimiter } from "@/services";
import { readResumeToken } from "@/registration-cookie";
import { relyingParty } from "@/relying-party";

export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const options = await beginDeviceBinding({ db: getDb(), resumeToken: await readResumeToken(), rp: relyingParty() });
  return Response.json(options);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
