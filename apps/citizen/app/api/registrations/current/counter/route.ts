import { scanActivationQr } from "@ktp/core/server/counter/activation-qr";
import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { deriveKey } from "@ktp/core/server/secrets";
import { ZScanQrRequest } from "@ktp/core/universal/counter";
import { getDb, getRateLimiter } from "@/services";
import { env } from "@/env";
import { readResumeToken } from "@/registration-cookie";

/** The phone scanned a counter's activation QR: join that counter's queue. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const body = await readJson(request, ZScanQrRequest);
  const registration = await scanActivationQr({ db: getDb(), resumeToken: await readResumeToken(), request: body, qrKey: deriveKey(env().APP_SECRET, "activation-qr") });
  return Response.json(registration);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
