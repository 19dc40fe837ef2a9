import { finishPasskeySignIn } from "@ktp/core/server/account/sign-in-passkey";
import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZPasskeySignInRequest } from "@ktp/core/universal/sign-in";
import { getDb, getRateLimiter } from "@/services";
import { relyingParty } from "@/relying-party";
import { readSessionToken } from "@/session-cookie";

/** The passkey answer, with the device key's signature of the challenge. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("signInIp", clientIp(request));
  const body = await readJson(request, ZPasskeySignInRequest, { maxBytes: 64 * 1024 });
  await finishPasskeySignIn({ db: getDb(), token: await readSessionToken(), rp: relyingParty(), request: body });
  return Response.json({ next: "PIN" });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
