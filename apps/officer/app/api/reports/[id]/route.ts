import { apiRoute, methodNotAllowed, parseInput, readJson, requestId } from "@ktp/core/server/http";
import { closeMisuseReport } from "@ktp/core/server/verifier/oversight";
import { ZCloseReportRequest, ZRecordId } from "@ktp/core/universal/verifier";
import { getDb } from "@/db";
import { adminSession } from "@/officer-cookie";

/** Closes a citizen's report with what was done about it. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await adminSession();
  const verificationId = parseInput(ZRecordId, (await params).id);
  const { outcome } = await readJson(request, ZCloseReportRequest);
  await closeMisuseReport({ db: getDb(), officerId: session.officer.id, verificationId, outcome, requestId: requestId(request) });
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
