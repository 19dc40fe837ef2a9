import { listApplicants } from "@ktp/core/server/counter/list-applicants";
import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { getDb } from "@/services";
import { counterSession } from "@/officer-cookie";

/** Applicants who scanned this counter's QR and wait for a decision. */
export const GET = apiRoute(async () => {
  const session = await counterSession({ activity: false });
  return Response.json(await listApplicants({ db: getDb(), counterSessionId: session.id }));
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
