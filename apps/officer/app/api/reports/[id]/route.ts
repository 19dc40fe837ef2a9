import { apiRoute, methodNotAllowed, parseInput, readJson, requestId } from "@ktp/core/server/http";
import { closeMisuseReport, revealReportCitizen } from "@ktp/core/server/verifier/oversight";
import { ZCloseReportRequest, ZRecordId } from "@ktp/core/universal/verifier";
import { getDb } from "@/services";
import { adminSession, officerActor } from "@/officer-cookie";

/** Closes a citizen's report with what was done about it. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await adminSession();
  const verificationId = parseInput(ZRecordId, (await params).id);
  const { outcome } = await readJson(request, ZCloseReportRequest);
  await closeMisuseReport({ db: getDb(), actor: officerActor(session), verificationId, outcome, requestId: requestId(request) });
  return new Response(null, { status: 204 });
});

/** The reporting citizen's NIK, e-mail and phone (the list shows them masked); audited. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await adminSession();
  const verificationId = parseInput(ZRecordId, (await params).id);
  return Response.json(await revealReportCitizen({ db: getDb(), actor: officerActor(session), verificationId, requestId: requestId(request) }));
});

export const PUT = methodNotAllowed("GET", "POST");
export { PUT as PATCH, PUT as DELETE };
