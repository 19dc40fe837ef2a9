import { findResidentCase } from "@ktp/core/server/counter/resident-desk";
import { apiRoute, methodNotAllowed, parseInput } from "@ktp/core/server/http";
import { ZResidentLookup } from "@ktp/core/universal/counter";
import { getDb } from "@/db";
import { counterSession } from "@/officer-cookie";

/** A resident's KTP Digital status and what the officer may reset. */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ nik: string }> }) => {
  await counterSession();
  const { nik } = parseInput(ZResidentLookup, { nik: (await params).nik });
  return Response.json(await findResidentCase({ db: getDb(), nik }), { headers: { "cache-control": "no-store" } });
});

export const POST = methodNotAllowed("GET");
