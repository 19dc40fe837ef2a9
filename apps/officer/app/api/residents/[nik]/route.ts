import { getResidentCase } from "@ktp/core/server/counter/resident-case";
import { apiRoute, methodNotAllowed, parseInput, requestId } from "@ktp/core/server/http";
import { ZResidentLookup } from "@ktp/core/universal/counter";
import { getDb } from "@/services";
import { counterSession } from "@/officer-cookie";

/** A resident's KTP Digital, the registrations open for the NIK, and what the officer may do. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ nik: string }> }) => {
  const session = await counterSession();
  const { nik } = parseInput(ZResidentLookup, { nik: (await params).nik });
  return Response.json(await getResidentCase({ db: getDb(), session, nik, requestId: requestId(request) }));
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
