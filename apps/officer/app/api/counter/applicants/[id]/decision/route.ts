import { decideActivation } from "@ktp/core/server/counter/decide-activation";
import { apiRoute, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { ZDecisionRequest } from "@ktp/core/universal/counter";
import { AppError } from "@ktp/core/universal/errors";
import { z } from "zod";
import { getDb, getMailer } from "@/services";
import { env } from "@/env";
import { keys } from "@/keys";
import { counterSession } from "@/officer-cookie";

/** Approve or refuse an applicant at this counter. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const body = await readJson(request, ZDecisionRequest);
  if (!z.uuid().safeParse(id).success) throw new AppError("APPLICANT_NOT_FOUND");
  const session = await counterSession();
  const record = await decideActivation({
    db: getDb(), counterSessionId: session.id, registrationId: id, request: body,
    recordKey: keys.activationRecord(), mailer: getMailer(), citizenUrl: env().CITIZEN_URL,
  });
  return Response.json({ id: record.id, decision: record.decision, decidedAt: record.decidedAt, emailSent: record.emailSent });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
