import type { NextRequest } from "next/server";
import { securityProxy } from "@ktp/core/server/security-headers";
import { env } from "@/env";

// No matcher: every response, API and static files included, gets the security headers, and every
// state-changing request the Origin check. No console page uses the camera.
export function proxy(request: NextRequest) {
  return securityProxy(request, { publicOrigin: env().OFFICER_URL });
}
