import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { verifyNik } from "@ktp/core/server/siak/verify-nik";
import { ZVerifyNikRequest } from "@ktp/core/universal/siak";
import { getDb, getRateLimiter } from "@/services";

// The mock SIAK Terpusat check (docs/api/siak.openapi.yaml). The count and the lookup run at
// once (decision 018); a spent budget answers 429 even when the request is malformed too.
export const POST = apiRoute(async (request) => {
  const [counted, looked] = await Promise.allSettled([
    getRateLimiter().consume("nikVerifyIp", clientIp(request)),
    readJson(request, ZVerifyNikRequest).then(({ nik }) => verifyNik({ db: getDb(), nik })),
  ]);
  if (counted.status === "rejected") throw counted.reason;
  if (looked.status === "rejected") throw looked.reason;
  return Response.json(looked.value);
});

export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
