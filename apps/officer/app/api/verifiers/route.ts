import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { listVerifierOrgs } from "@ktp/core/server/verifier/oversight";
import { getDb } from "@/services";
import { adminSession } from "@/officer-cookie";

/** The organisations that verify KTP Digital, pending ones first (admin only). */
export const GET = apiRoute(async () => {
  await adminSession();
  return Response.json(await listVerifierOrgs({ db: getDb() }));
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
