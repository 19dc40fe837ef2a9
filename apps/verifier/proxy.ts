import type { NextRequest } from "next/server";
import { securityProxy } from "@ktp/core/server/security-headers";
import { env } from "@/env";

/** The pages that open the camera. The coming QR scanner page goes here (and nowhere else). */
const CAMERA_PATHS: string[] = [];

// No matcher: every response, API and static files included, gets the security headers, and every
// state-changing request the Origin check.
export function proxy(request: NextRequest) {
  return securityProxy(request, { publicOrigin: env().VERIFIER_URL, cameraPaths: CAMERA_PATHS });
}
