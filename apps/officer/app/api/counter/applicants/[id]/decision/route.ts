import { decideActivation } from "@ktp/core/server/counter/decide-activation";
import { apiRoute, methodNotAllowed, parseInput, readJson } from "@ktp/core/server/http";
import { ZApplicantId, ZDecisionRequest } from "@ktp/core/universal/counter";
import { getDb, getMailer } from "@/services";
import { env } from "@/env";
import { keys } from "@/keys";
import { counterSession } from "@/officer-cookie";

/** Approve or refuse an applicant at this counter. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const body = await readJson(request, ZDecisionRequest);
  const id = parseInput(ZApplicantId, (await params).id);
  const session = await counterSession();
  const record = await decideActivation({
    db: getDb(),
    counterSessionId: session.id,
    registrationId: id,
    request: body,
    recordKey: keys.activationRecord(),
    mailer: getMailer(),
    citizenUrl: env().CITIZEN_URL,
  });
  return Response.json({ id: record.id, decision: record.decision, decidedAt: record.decidedAt, emailSent: record.emailSent });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
