import { apiRoute, methodNotAllowed, parseInput, readJson, requestId } from "@ktp/core/server/http";
import { decideVerifierOrg } from "@ktp/core/server/verifier/decide-verifier-org";
import { ZOrgDecisionRequest, ZRecordId } from "@ktp/core/universal/verifier";
import { getDb, getMailer } from "@/services";
import { adminSession, officerActor } from "@/officer-cookie";

/** Approve (with the purposes granted), refuse or suspend an organisation; it is told by e-mail. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await adminSession();
  const orgId = parseInput(ZRecordId, (await params).id);
  const body = await readJson(request, ZOrgDecisionRequest);
  const decided = await decideVerifierOrg({
    db: getDb(),
    mailer: getMailer(),
    actor: officerActor(session),
    orgId,
    decision: body.decision,
    ...(body.decision === "APPROVE" ? { purposes: body.purposes } : { reason: body.reason }),
    requestId: requestId(request),
  });
  return Response.json(decided);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
