import { issueActivationQr } from "@ktp/core/server/counter/activation-qr";
import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { getDb } from "@/services";
import { keys } from "@/keys";
import { counterSession } from "@/officer-cookie";

/** A fresh activation QR for this counter session; the console asks for one every 20 s. */
export const POST = apiRoute(async () => {
  const session = await counterSession({ activity: false });
  const qr = await issueActivationQr({ db: getDb(), counterSessionId: session.id, qrKey: keys.activationQr() });
  return Response.json(qr);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
