import { setPin } from "@ktp/core/server/activation/set-pin";
import { apiRoute, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZSetPinRequest } from "@ktp/core/universal/pin";
import { getDb } from "@/db";
import { readResumeToken } from "@/registration-cookie";

export const POST = apiRoute(async (request) => {
  const body = await readJson(request, ZSetPinRequest);
  const registration = await setPin({ db: getDb(), resumeToken: await readResumeToken(), request: body });
  return Response.json(registration, { headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("POST");
