import type { NextRequest } from "next/server";
import { securityProxy } from "@ktp/core/server/security-headers";
import { env } from "@/env";

/** The pages that open the camera: the selfie pre-check (Human) and the counter QR scan (html5-qrcode). */
const CAMERA_PATHS = ["/daftar/swafoto", "/daftar/loket"];

// No matcher: every response, API and static files included, gets the security headers, and every
// state-changing request the Origin check.
export function proxy(request: NextRequest) {
  return securityProxy(request, { publicOrigin: env().CITIZEN_URL, cameraPaths: CAMERA_PATHS });
}
