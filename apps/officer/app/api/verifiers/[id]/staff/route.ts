import { apiRoute, methodNotAllowed, parseInput, readJson, requestId } from "@ktp/core/server/http";
import { createStaff } from "@ktp/core/server/verifier/staff-accounts";
import { ZRecordId, ZStaffRequest } from "@ktp/core/universal/verifier";
import { getDb } from "@/services";
import { adminSession, officerActor } from "@/officer-cookie";

/** A scan-page account for an approved organisation: its first password is shown once, in this answer. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await adminSession();
  const orgId = parseInput(ZRecordId, (await params).id);
  const { email, nama } = await readJson(request, ZStaffRequest);
  const created = await createStaff({ db: getDb(), orgId, email, nama, actor: { type: "OFFICER", ...officerActor(session) }, requestId: requestId(request) });
  return Response.json({ id: created.id, email: email.toLowerCase(), password: created.password }, { status: 201 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
