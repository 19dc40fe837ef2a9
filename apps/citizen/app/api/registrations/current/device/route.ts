import { finishDeviceBinding } from "@ktp/core/server/activation/finish-device-binding";
import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZFinishDeviceBindingRequest } from "@ktp/core/universal/device";
import { getDb, getRateLimiter } from "@/services";
import { readResumeToken } from "@/registration-cookie";
import { relyingParty } from "@/relying-party";

export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const body = await readJson(request, ZFinishDeviceBindingRequest, { maxBytes: 64 * 1024 });
  const registration = await finishDeviceBinding({ db: getDb(), resumeToken: await readResumeToken(), rp: relyingParty(), request: body });
  return Response.json(registration);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
