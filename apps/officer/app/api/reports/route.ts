import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { listMisuseReports } from "@ktp/core/server/verifier/oversight";
import { getDb } from "@/services";
import { adminSession } from "@/officer-cookie";

/** Citizens' "Bukan saya / laporkan", open ones first, with the verification each points to (admin only). */
export const GET = apiRoute(async () => {
  await adminSession();
  return Response.json(await listMisuseReports({ db: getDb() }));
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
