// The security headers of every response of the three apps, and the Origin check of every
// state-changing request. serve-app.ts applies `securityDecision` with the app's public origin
// from its env.ts; docs/security.md explains each header.

import { randomFillSync } from "node:crypto";

const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Two years, the length browsers' HSTS preload lists ask for. */
const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

export interface SecurityHeaderOptions {
  /** A fresh `createNonce()` per request: the only inline or first-party scripts that run carry it. */
  nonce: string;
  /** This page opens the camera (camera=(self)); every other page gets camera=(). */
  camera?: boolean;
  /** The app is served over https (its configured public origin): insecure subresource URLs are upgraded. */
  https?: boolean;
  /** `next dev`: React rebuilds server error stacks with eval, and dev styles carry no nonce. */
  dev?: boolean;
}

const NONCE_BYTES = 16;
/** Random bytes for 256 nonces, refilled when used up: one call into the CSPRNG per 256 responses. */
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let nonceOffset = noncePool.length;

/** 128 random bits, base64: the form Next.js finds in a `'nonce-…'` source and copies onto its scripts. */
export function createNonce(): string {
  if (nonceOffset === noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  const nonce = noncePool.toString("base64", nonceOffset, nonceOffset + NONCE_BYTES);
  // Used once: the bytes are cleared, so no later read of the pool can repeat them.
  noncePool.fill(0, nonceOffset, (nonceOffset += NONCE_BYTES));
  return nonce;
}

export function contentSecurityPolicy({ nonce, https = false, dev = false }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced scripts load its chunks; WASM (Human's tfjs backend) needs
    // 'wasm-unsafe-eval', which allows compiling WebAssembly and nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // blob: for the selfie preview (an object URL of the captured photo).
    "img-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // Service workers from this origin only (without it, script-src's 'strict-dynamic' refuses them).
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The camera only where a page uses it; the other powerful features nowhere. */
export function permissionsPolicy({ camera = false }: { camera?: boolean } = {}): string {
  return [`camera=${camera ? "(self)" : "()"}`, "microphone=()", "geolocation=()", "payment=()", "usb=()", "display-capture=()"].join(", ");
}

/** The headers every response carries, pages and API answers alike. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const key = `${options.camera === true}|${options.https === true}|${options.dev === true}`;
  let template = headerTemplates.get(key);
  if (!template) {
    template = {
      "content-security-policy": contentSecurityPolicy({ ...options, nonce: NONCE_SLOT }),
      "strict-transport-security": `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      // Not no-referrer: under it a browser sends `Origin: null` on its own same-origin POSTs.
      "referrer-policy": "same-origin",
      "permissions-policy": permissionsPolicy(options),
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
    };
    headerTemplates.set(key, template);
  }
  return { ...template, "content-security-policy": template["content-security-policy"]!.replaceAll(NONCE_SLOT, options.nonce) };
}

// Built once per kind of response (every request asks): only the nonce differs between requests.
const NONCE_SLOT = "\u0000nonce\u0000";
const headerTemplates = new Map<string, Record<string, string>>();

/**
 * Whether a request may change state. A browser names the page's origin, which must be the app's
 * own; without Origin it is a non-browser client, unless Sec-Fetch-Site shows a browser sent it
 * from another site. `publicOrigin` comes from configuration, never from the request's URL or Host.
 */
export function isOriginAllowed(headers: Headers, publicOrigin: string): boolean {
  const origin = headers.get("origin");
  if (origin !== null) return origin === publicOrigin;
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

export interface SecurityPolicyOptions {
  /** The app's public origin from its env.ts (CITIZEN_URL, OFFICER_URL, VERIFIER_URL). */
  publicOrigin: string;
  /** Exact paths of the pages that open the camera. */
  cameraPaths?: readonly string[];
  dev?: boolean;
}

export interface SecurityDecision {
  /** A state-changing request from another origin: answer 403 ORIGIN_REFUSED, do not pass it on. */
  refused: boolean;
  /** The headers of the response (the refusal's too). */
  headers: Record<string, string>;
}

/**
 * What serve-app.ts does to every request before Next.js sees it (docs/security.md): refuse a
 * state-changing request from another origin, and choose the response's security headers with a
 * fresh nonce. The server hands the CSP to Next.js as a request header, from which Next.js reads
 * the nonce and puts it on its own scripts (so pages render per request).
 *
 * Not in Next's proxy.ts: Next 16 buffers the body of every request that passes through proxy.ts
 * (up to 10 MB, silently truncating the rest), which undid the streaming body limit (decision 012).
 */
export function securityDecision(
  { method, pathname, headers }: { method: string; pathname: string; headers: Headers },
  { publicOrigin, cameraPaths = [], dev = process.env.NODE_ENV === "development" }: SecurityPolicyOptions,
): SecurityDecision {
  return {
    refused: STATE_CHANGING_METHODS.has(method) && !isOriginAllowed(headers, publicOrigin),
    headers: securityHeaders({ nonce: createNonce(), camera: cameraPaths.includes(pathname), https: publicOrigin.startsWith("https:"), dev }),
  };
}
