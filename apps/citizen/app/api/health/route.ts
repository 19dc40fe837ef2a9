import { healthRoute } from "@ktp/core/server/health/check-health";
import { getDb } from "@/services";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = healthRoute("citizen", getDb);
