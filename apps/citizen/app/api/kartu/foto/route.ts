import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { loadEktpPhoto } from "@ktp/core/server/siak/load-ktp-card";
import { AppError } from "@ktp/core/universal/errors";
import { getDb } from "@/services";
import { signedInCitizen } from "@/session-cookie";

/** The signed-in citizen's e-KTP photo, for the card. */
export const GET = apiRoute(async () => {
  const citizen = await signedInCitizen();
  if (!citizen) throw new AppError("NOT_SIGNED_IN");
  const photo = await loadEktpPhoto({ db: getDb(), nik: citizen.nik });
  if (!photo) throw new AppError("EKTP_PHOTO_MISSING");
  return new Response(new Uint8Array(photo.bytes), { headers: { "content-type": photo.mime } });
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
