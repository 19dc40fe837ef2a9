import { healthRoute } from "@ktp/core/server/health/check-health";
import { getDb } from "@/db";

export const dynamic = "force-dynamic";
export const GET = healthRoute("citizen", getDb);
