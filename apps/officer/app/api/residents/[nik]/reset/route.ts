import { resetResident } from "@ktp/core/server/counter/reset-resident";
import { apiRoute, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { ZResetRequest } from "@ktp/core/universal/counter";
import { getDb } from "@/services";
import { counterSession } from "@/officer-cookie";

/** Reset a lost phone or a PIN locked for the counter, cancel a stranger's registration, or pass the selfie after an in-person check. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ nik: string }> }) => {
  const session = await counterSession();
  const reset = await readJson(request, ZResetRequest, { params: { nik: (await params).nik } });
  return Response.json(await resetResident({ db: getDb(), session, request: reset, requestId: requestId(request) }));
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
