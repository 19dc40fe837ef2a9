import { apiRoute, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { getBranchId } from "@ktp/core/server/verifier/branch-id";
import { verifyPresentation } from "@ktp/core/server/verifier/verify-presentation";
import { ZVerifyRequest } from "@ktp/core/universal/verifier";
import { getDb } from "@/services";
import { issuer, issuerSealKey } from "@/issuer";
import { staffSession } from "@/staff-cookie";

/** A scan on the scan page: the same online check as POST /api/v1/verify, by the signed-in staff member. */
export const POST = apiRoute(async (request) => {
  const session = await staffSession();
  const body = await readJson(request, ZVerifyRequest);
  const db = getDb();
  const branchId = body.branch === undefined ? null : await getBranchId({ db, orgId: session.org.id, name: body.branch });
  const result = await verifyPresentation({
    db, sealKey: issuerSealKey(), issuer: issuer(), org: session.org, branchId, staffId: session.staffId,
    token: body.token, purpose: body.purpose, requestId: requestId(request),
  });
  return Response.json(result);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
