import { finishPinSignIn } from "@ktp/core/server/account/sign-in";
import { apiRoute, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZPinSignInRequest } from "@ktp/core/universal/sign-in";
import { getDb } from "@/db";
import { readSessionToken } from "@/session-cookie";

/** The PIN, after the passkey: a right one signs the session in. */
export const POST = apiRoute(async (request) => {
  const { pin } = await readJson(request, ZPinSignInRequest);
  await finishPinSignIn({ db: getDb(), token: await readSessionToken(), pin });
  return Response.json({ next: "CARD" }, { headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("POST");
