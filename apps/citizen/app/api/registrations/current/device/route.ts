import { finishDeviceBinding } from "@ktp/core/server/activation/finish-device-binding";
import { apiRoute, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZFinishDeviceBindingRequest } from "@ktp/core/universal/device";
import { getDb } from "@/db";
import { readResumeToken } from "@/registration-cookie";
import { relyingParty } from "@/relying-party";

export const POST = apiRoute(async (request) => {
  const body = await readJson(request, ZFinishDeviceBindingRequest, { maxBytes: 64 * 1024 });
  const registration = await finishDeviceBinding({ db: getDb(), resumeToken: await readResumeToken(), rp: relyingParty(request), request: body });
  return Response.json(registration, { headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("POST");
