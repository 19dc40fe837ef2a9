import { apiRoute, clientIp, methodNotAllowed, readJson } from "@ktp/core/server/http";
import { verifyNik } from "@ktp/core/server/siak/verify-nik";
import { ZVerifyNikRequest } from "@ktp/core/universal/siak";
import { getDb } from "@/db";
import { getRateLimiter } from "@/rate-limit";

// The mock SIAK Terpusat check (docs/api/siak.openapi.yaml).
export const POST = apiRoute(async (request) => {
  const counted = getRateLimiter().consume("nikVerifyIp", clientIp(request));
  counted.catch(() => {});
  const { nik } = await readJson(request, ZVerifyNikRequest);
  const [, verification] = await Promise.all([counted, verifyNik({ db: getDb(), nik })]);
  return Response.json(verification, { headers: { "cache-control": "no-store" } });
});

export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
