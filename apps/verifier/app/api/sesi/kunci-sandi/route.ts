import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { finishStaffPasskey } from "@ktp/core/server/verifier/staff-sign-in";
import { ZStaffPasskeyRequest } from "@ktp/core/universal/verifier-staff";
import { getDb, getRateLimiter } from "@/services";
import { relyingParty } from "@/relying-party";
import { readStaffToken } from "@/staff-cookie";

/** The passkey step: enrols the first passkey or checks the enrolled one; then the scan page opens. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("staffSignInIp", clientIp(request));
  const body = await readJson(request, ZStaffPasskeyRequest);
  await finishStaffPasskey({ db: getDb(), token: await readStaffToken(), rp: relyingParty(), request: body, requestId: requestId(request) });
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
