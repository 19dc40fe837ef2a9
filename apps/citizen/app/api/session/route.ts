import { signOutCitizen } from "@ktp/core/server/account/citizen-session";
import { apiRoute, methodNotAllowed, requestId } from "@ktp/core/server/http";
import { getDb } from "@/services";
import { clearSessionToken, readSessionToken } from "@/session-cookie";

/** Sign out. */
export const DELETE = apiRoute(async (request) => {
  await signOutCitizen({ db: getDb(), token: await readSessionToken(), requestId: requestId(request) });
  await clearSessionToken();
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed("DELETE");
export const POST = GET;
export { GET as PUT, GET as PATCH };
