import { submitSelfie } from "@ktp/core/server/activation/submit-selfie";
import { apiRoute, clientIp, methodNotAllowed, readImage } from "@ktp/core/server/http";
import { deriveKey } from "@ktp/core/server/secrets";
import { getDb, getRateLimiter } from "@/services";
import { env } from "@/env";
import { readResumeToken } from "@/registration-cookie";

export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("selfieIp", clientIp(request));
  const result = await submitSelfie({
    db: getDb(),
    resumeToken: await readResumeToken(),
    readImage: () => readImage(request),
    selfieKey: deriveKey(env().APP_SECRET, "selfie"),
  });
  return Response.json(result);
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
