import { checkSelfie } from "@ktp/core/server/face/check-selfie";
import { apiRoute, methodNotAllowed, readImage } from "@ktp/core/server/http";

export const POST = apiRoute(async (request) => {
  const image = await readImage(request);
  return Response.json(await checkSelfie({ image }), { headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("POST");
