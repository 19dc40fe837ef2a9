import { beginSignIn } from "@ktp/core/server/account/sign-in-passkey";
import { apiRoute, clientIp, methodNotAllowed } from "@ktp/core/server/http";
import { getDb, getRateLimiter } from "@/services";
import { relyingParty } from "@/relying-party";
import { writeSessionToken } from "@/session-cookie";

/** Starts signing in: options for navigator.credentials.get(). */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("signInIp", clientIp(request));
  const { token, options } = await beginSignIn({ db: getDb(), rp: relyingParty() });
  await writeSessionToken(token);
  return Response.json(options);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
