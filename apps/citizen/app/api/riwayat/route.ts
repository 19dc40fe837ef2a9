import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { listVerificationHistory } from "@ktp/core/server/wallet/verification-history";
import { AppError } from "@ktp/core/universal/errors";
import { getDb } from "@/services";
import { signedInCitizen } from "@/session-cookie";

/** "Riwayat verifikasi": who checked this citizen's KTP Digital. */
export const GET = apiRoute(async () => {
  const citizen = await signedInCitizen();
  if (!citizen) throw new AppError("NOT_SIGNED_IN");
  const entries = await listVerificationHistory({ db: getDb(), registrationId: citizen.registrationId });
  return Response.json({ entries });
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
