import { submitSelfie } from "@ktp/core/server/activation/submit-selfie";
import { apiRoute, methodNotAllowed, readImage } from "@ktp/core/server/http";
import { deriveKey } from "@ktp/core/server/secrets";
import { getDb } from "@/db";
import { env } from "@/env";
import { readResumeToken } from "@/registration-cookie";

export const POST = apiRoute(async (request) => {
  const image = await readImage(request);
  const result = await submitSelfie({
    db: getDb(),
    resumeToken: await readResumeToken(),
    image,
    selfieKey: deriveKey(env().APP_SECRET, "selfie"),
  });
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("POST");
