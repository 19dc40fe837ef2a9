import { apiRoute, methodNotAllowed, parseInput, requestId } from "@ktp/core/server/http";
import { revokeApiKey } from "@ktp/core/server/verifier/api-keys";
import { ZApiKeyPrefix, ZRecordId } from "@ktp/core/universal/verifier";
import { getDb } from "@/services";
import { adminSession, officerActor } from "@/officer-cookie";

/** Revokes an organisation's API key. */
export const DELETE = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string; prefix: string }> }) => {
  const session = await adminSession();
  const { id, prefix } = await params;
  await revokeApiKey({ db: getDb(), orgId: parseInput(ZRecordId, id), prefix: parseInput(ZApiKeyPrefix, prefix), actor: { type: "OFFICER", ...officerActor(session) }, requestId: requestId(request) });
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed("DELETE");
export { GET as POST, GET as PUT, GET as PATCH };
