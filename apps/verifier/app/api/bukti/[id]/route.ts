import { apiRoute, methodNotAllowed, parseInput } from "@ktp/core/server/http";
import { getReceipt } from "@ktp/core/server/verifier/receipts";
import { ZVerificationId } from "@ktp/core/universal/wallet";
import { getDb } from "@/services";
import { staffSession } from "@/staff-cookie";

/** One of the organisation's receipts as JSON: the signed JWS and what it says. */
export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await staffSession();
  const { id, receipt, claims, branch } = await getReceipt({ db: getDb(), orgId: session.org.id, id: parseInput(ZVerificationId, (await params).id) });
  return Response.json(
    { id, receipt, claims, branch },
    {
      headers: { "content-disposition": `attachment; filename="bukti-verifikasi-${id}.json"` },
    },
  );
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
