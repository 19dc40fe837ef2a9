import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { signInStaff } from "@ktp/core/server/verifier/staff-sign-in";
import { signOutStaff } from "@ktp/core/server/verifier/staff-session";
import { ZStaffSignInRequest, type StaffSessionView } from "@ktp/core/universal/verifier-staff";
import { getDb, getRateLimiter } from "@/services";
import { relyingParty } from "@/relying-party";
import { clearStaffToken, readStaffToken, staffSession, writeStaffToken } from "@/staff-cookie";

/** The password step; answers the passkey step's WebAuthn options (enrol at the first sign-in). */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("staffSignInIp", clientIp(request));
  const body = await readJson(request, ZStaffSignInRequest);
  const { token, step } = await signInStaff({ db: getDb(), request: body, limiter: getRateLimiter(), rp: relyingParty(), requestId: requestId(request) });
  await writeStaffToken(token);
  return Response.json(step);
});

/** Who is signed in, for which organisation, with its branches and purposes. */
export const GET = apiRoute(async () => {
  const { staff, org, branches } = await staffSession();
  return Response.json({ staff, org: { legalName: org.legalName, type: org.type, purposes: org.purposes, offlineStatusMaxMinutes: org.offlineStatusMaxMinutes }, branches } satisfies StaffSessionView);
});

export const DELETE = apiRoute(async () => {
  await signOutStaff({ db: getDb(), token: await readStaffToken() });
  await clearStaffToken();
  return new Response(null, { status: 204 });
});

export const PUT = methodNotAllowed("GET", "POST", "DELETE");
export const PATCH = PUT;
