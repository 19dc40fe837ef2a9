import { apiRoute, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZVerifyRequest } from "@ktp/core/universal/verifier";
import { staffSession } from "@/staff-cookie";
import { verifyScan } from "@/verify";

/** A scan on the scan page: the same online check as POST /api/v1/verify, by the signed-in staff member. */
export const POST = apiRoute(async (request) => {
  const session = await staffSession();
  const { token, purpose, branch } = await readJson(request, ZVerifyRequest);
  return Response.json(await verifyScan(request, { org: session.org, staffId: session.staffId, token, purpose, branch }));
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
