import { apiRoute, methodNotAllowed, parseInput, readJson, requestId } from "@ktp/core/server/http";
import { changeStaff } from "@ktp/core/server/verifier/staff-accounts";
import { ZRecordId, ZStaffActionRequest } from "@ktp/core/universal/verifier";
import { getDb } from "@/db";
import { adminSession } from "@/officer-cookie";

/** Disables a staff account, or removes its passkeys after a lost phone; either ends its sessions. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string; staffId: string }> }) => {
  const session = await adminSession();
  const { id, staffId } = await params;
  const { action } = await readJson(request, ZStaffActionRequest);
  await changeStaff({ db: getDb(), orgId: parseInput(ZRecordId, id), staffId: parseInput(ZRecordId, staffId), action, actor: { type: "OFFICER", id: session.officer.id }, requestId: requestId(request) });
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
