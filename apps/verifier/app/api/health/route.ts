import { healthRoute } from "@ktp/core/server/health/check-health";
import { methodNotAllowed } from "@ktp/core/server/http";
import { getDb } from "@/db";

export const dynamic = "force-dynamic";
export const GET = healthRoute("verifier", getDb);

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
