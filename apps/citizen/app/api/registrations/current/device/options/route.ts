import { beginDeviceBinding } from "@ktp/core/server/activation/begin-device-binding";
import { apiRoute } from "@ktp/core/server/http";
import { getDb } from "@/db";
import { readResumeToken } from "@/registration-cookie";
import { relyingParty } from "@/relying-party";

export const POST = apiRoute(async (request) => {
  const options = await beginDeviceBinding({ db: getDb(), resumeToken: await readResumeToken(), rp: relyingParty(request) });
  return Response.json(options, { headers: { "cache-control": "no-store" } });
});
