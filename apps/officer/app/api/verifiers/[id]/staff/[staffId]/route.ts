import { apiRoute, methodNotAllowed, parseInput, readJson, requestId } from "@ktp/core/server/http";
import { changeStaff } from "@ktp/core/server/verifier/staff-accounts";
import { ZRecordId, ZStaffActionRequest } from "@ktp/core/universal/verifier";
import { getDb } from "@/services";
import { adminSession, officerActor } from "@/officer-cookie";

/** Disables a staff account, or resets it after a lost phone (passkeys removed, a new password shown once); either ends its sessions. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string; staffId: string }> }) => {
  const session = await adminSession();
  const { id, staffId } = await params;
  const { action } = await readJson(request, ZStaffActionRequest);
  const { password } = await changeStaff({
    db: getDb(),
    orgId: parseInput(ZRecordId, id),
    staffId: parseInput(ZRecordId, staffId),
    action,
    actor: { type: "OFFICER", ...officerActor(session) },
    requestId: requestId(request),
  });
  return password ? Response.json({ password }) : new Response(null, { status: 204 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
