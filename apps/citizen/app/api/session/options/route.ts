import { beginSignIn } from "@ktp/core/server/account/sign-in";
import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { getDb } from "@/db";
import { relyingParty } from "@/relying-party";
import { writeSessionToken } from "@/session-cookie";

/** Starts signing in: options for navigator.credentials.get(). */
export const POST = apiRoute(async (request) => {
  const { token, options } = await beginSignIn({ db: getDb(), rp: relyingParty(request) });
  await writeSessionToken(token, request);
  return Response.json(options, { headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("POST");
