import { apiRoute, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZOfflineResultRequest } from "@ktp/core/universal/verifier";
import { staffSession } from "@/staff-cookie";
import { verifyScan } from "@/verify";

/**
 * A scan the page checked offline, sent once it is back online: checked again here as of the
 * moment it was made, and recorded once however often it arrives (decision 015, 017).
 */
export const POST = apiRoute(async (request) => {
  const session = await staffSession();
  const { token, purpose, branch, at, id } = await readJson(request, ZOfflineResultRequest);
  return Response.json(await verifyScan(request, { org: session.org, staffId: session.staffId, token, purpose, branch, now: new Date(at), offline: { id } }));
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
