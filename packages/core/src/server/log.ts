import pino from "pino";
import { processSetting } from "./process-env.ts";

// One JSON line per event on stdout. Nothing personal or secret goes in: no request bodies, no
// cookies, no query strings (activation links carry tokens there), and NIKs or NIPs that appear in
// a path or an error message are replaced by their kind. (No "server-only" import: the app
// servers load this outside Next.)

const REDACTED = "[redacted]";

export const log = pino({
  // Read per line: the app's server names the app (KTP_APP) after this module was loaded.
  base: null,
  mixin: () => ({ app: processSetting("KTP_APP") ?? "ktp" }),
  level: processSetting("LOG_LEVEL") ?? "info",
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: ["pin", "password", "token", "cookie", "authorization", "image", "*.pin", "*.password", "*.token", "*.cookie", "*.authorization", "*.image"],
    censor: REDACTED,
  },
  serializers: { err: serializeError },
});

export type Logger = typeof log;

/** A path fit for a log line: no query string, identifiers of people masked. */
export function scrubPath(url: string): string {
  return scrub(url.split("?")[0] ?? "");
}

/** Masks 16-digit NIKs and 18-digit NIPs, and long base64url runs that may be tokens. */
export function scrub(text: string): string {
  return text
    .replace(/(?<!\d)\d{18}(?!\d)/g, "[nip]")
    .replace(/(?<!\d)\d{16}(?!\d)/g, "[nik]")
    .replace(/[A-Za-z0-9_-]{40,}/g, "[token]");
}

function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.name,
    message: scrub(error.message),
    code: (error as { code?: unknown }).code,
    stack: error.stack ? scrub(error.stack) : undefined,
    ...(cause ? { cause: serializeError(cause) } : {}),
  };
}
