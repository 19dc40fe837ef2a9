import { apiRoute, methodNotAllowed, parseInput, readJson, requestId } from "@ktp/core/server/http";
import { createApiKey } from "@ktp/core/server/verifier/api-keys";
import { ZApiKeyRequest, ZRecordId } from "@ktp/core/universal/verifier";
import { getDb } from "@/services";
import { adminSession, officerActor } from "@/officer-cookie";

/** A new API key for an approved organisation: the answer is the only time the key is shown. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await adminSession();
  const orgId = parseInput(ZRecordId, (await params).id);
  const { label, purposes } = await readJson(request, ZApiKeyRequest);
  const created = await createApiKey({ db: getDb(), orgId, label, purposes, actor: { type: "OFFICER", ...officerActor(session) }, requestId: requestId(request) });
  return Response.json({ key: created.key, prefix: created.prefix, purposes: created.purposes }, { status: 201 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
