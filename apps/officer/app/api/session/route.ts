import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { signInOfficer } from "@ktp/core/server/counter/officer-sign-in";
import { signOutOfficer } from "@ktp/core/server/counter/officer-session";
import { ZOfficerSignInRequest } from "@ktp/core/universal/counter";
import { getDb, getRateLimiter } from "@/services";
import { clearOfficerToken, counterSession, readOfficerToken, writeOfficerToken } from "@/officer-cookie";

/** Sign in at a counter. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("officerSignInIp", clientIp(request));
  const body = await readJson(request, ZOfficerSignInRequest);
  const { token, expiresAt } = await signInOfficer({ db: getDb(), request: body, limiter: getRateLimiter(), requestId: requestId(request) });
  await writeOfficerToken(token, expiresAt);
  return Response.json({ expiresAt });
});

/** Who is signed in, at which counter. */
export const GET = apiRoute(async () => Response.json(await counterSession()));

/** Sign out: the counter session ends and its QR codes stop working. */
export const DELETE = apiRoute(async () => {
  await signOutOfficer({ db: getDb(), token: await readOfficerToken() });
  await clearOfficerToken();
  return new Response(null, { status: 204 });
});

export const PUT = methodNotAllowed("GET", "POST", "DELETE");
export const PATCH = PUT;
