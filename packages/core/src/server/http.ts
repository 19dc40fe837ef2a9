import "server-only";
import type { z } from "zod";
import { AppError, isErrorCode, type Locale, localeOf, toErrorBody } from "../universal/errors.ts";
import { isCleanText } from "../universal/text.ts";
import { log } from "./log.ts";
import { attachedBody, CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "./client.ts";

// The boundary between HTTP and the domain: parse a request with its zod schema, run the
// use-case, and turn whatever it throws into one JSON error shape.

export { localeOf };

const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler so every failure becomes `{ error: { code, message, messages } }`, and
 * every answer that does not say otherwise is `cache-control: no-store` (the API answers about
 * one person or one session; only public documents such as the JWKS set their own).
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      const response = await handler(request, context);
      if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      return errorResponse(error, localeOf(request), request);
    }
  };
}

export function errorResponse(error: unknown, locale: Locale = "id", request?: Request): Response {
  const appError = toAppError(error);
  const reqId = request?.headers.get(REQUEST_ID_HEADER) ?? undefined;
  if (appError.status >= 500) log.error({ reqId, code: appError.code, err: error }, "request failed");
  else log.info({ reqId, code: appError.code, status: appError.status }, "request refused");
  const headers = new Headers({ "cache-control": "no-store" });
  const retryAfter = appError.details?.retryAfterSeconds;
  if (appError.status === 429 && typeof retryAfter === "number") headers.set("retry-after", String(Math.ceil(retryAfter)));
  return Response.json(toErrorBody(appError, locale), { status: appError.status, headers });
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDependencyUnreachable(error)) return new AppError("SERVICE_UNAVAILABLE", { cause: error });
  return new AppError("INTERNAL", { cause: error });
}

// Codes that mean a dependency is down or dropped us mid-request: sockets, PostgreSQL shutting
// down, crashed, starting or full, Prisma's unreachable / timed out / connection closed, nodemailer.
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "53300", "P1001", "P1008", "P1017", "ECONNECTION", "ESOCKET"]);
// The driver adapter's kinds for the same (Prisma reports raw queries under P2010 with this inside).
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// pg gives a connection that died under a query no code, only these messages.
const DROPPED_CONNECTION = /^(Connection terminated|Client has encountered a connection error)/;

/** The database or the mail server cannot be reached, or died mid-request: our fault, but a 503 the client may retry. */
function isDependencyUnreachable(error: unknown): boolean {
  type Failure = { code?: unknown; cause?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  for (let e = error as Failure | undefined; e; e = e.cause as Failure | undefined) {
    if (UNREACHABLE_CODES.has(String(e.code))) return true;
    const adapter = e.meta?.driverAdapterError?.cause;
    if (adapter && (UNREACHABLE_KINDS.has(String(adapter.kind)) || UNREACHABLE_CODES.has(String(adapter.originalCode)))) return true;
    if (typeof e.message === "string" && DROPPED_CONNECTION.test(e.message)) return true;
  }
  return false;
}

/** The client's address as the platform's HTTP server established it (see serve-app.ts). */
export function clientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

/** The id the platform's HTTP server gave this request; it is on every log line about it. */
export function requestId(request: Request): string | undefined {
  return request.headers.get(REQUEST_ID_HEADER) ?? undefined;
}

/** Handler for the methods a route does not serve: a JSON 405 naming the ones it does. */
export function methodNotAllowed(...allowed: string[]) {
  return (request: Request) => {
    const response = errorResponse(new AppError("METHOD_NOT_ALLOWED"), localeOf(request), request);
    response.headers.set("allow", allowed.join(", "));
    return response;
  };
}

/** Handler for API paths that do not exist: a JSON 404 instead of an HTML page. */
export function apiNotFound(request: Request) {
  return errorResponse(new AppError("NOT_FOUND"), localeOf(request), request);
}

/**
 * Reads a JSON body of bounded size and parses it with `schema`, or throws the matching AppError.
 * `params` (the route's path parameters) join an object body before parsing, and win over it.
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  { maxBytes = DEFAULT_MAX_BODY_BYTES, params }: { maxBytes?: number; params?: Record<string, string> } = {},
): Promise<z.output<S>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  const bytes = await readBody(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new AppError("INVALID_JSON", { cause });
  }
  const dirty = findDirtyText(body);
  if (dirty !== null) throw new AppError("VALIDATION_FAILED", { field: dirty || undefined });
  const isObject = typeof body === "object" && body !== null && !Array.isArray(body);
  return parseInput(schema, params && isObject ? { ...(body as Record<string, unknown>), ...params } : body);
}

/**
 * Reads a body while counting its bytes, and stops at the first byte past `maxBytes`: a chunked
 * body without Content-Length is never held whole in memory.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  const attached = attachedBody(request);
  if (attached) {
    if (attached.byteLength > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
    return attached;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Deeper than any request of ours; a walk of deeper JSON could overflow the stack (a 16 KiB body nests 8,000 deep). */
const MAX_JSON_DEPTH = 32;

/**
 * The path of the first key or string with control characters or broken Unicode, or of the first
 * value nested deeper than MAX_JSON_DEPTH ("" for the root); null when the body is clean.
 */
function findDirtyText(root: unknown): string | null {
  // An explicit stack, children pushed last-first, so the walk keeps document order without recursion.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: "", depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === "string") {
      if (!isCleanText(value, { multiline: true })) return path;
      continue;
    }
    if (!value || typeof value !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) return path;
    const entries: (readonly [string, unknown])[] = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key] of entries) if (!Array.isArray(value) && !isCleanText(key)) return path;
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return null;
}

const IMAGE_TYPES = /^image\/(jpeg|png|webp)$/i;
const DEFAULT_MAX_IMAGE_BYTES = 4 * 1024 * 1024;

/** Reads a raw JPEG, PNG or WebP body of bounded size. */
export async function readImage(request: Request, { maxBytes = DEFAULT_MAX_IMAGE_BYTES } = {}): Promise<Uint8Array> {
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (!IMAGE_TYPES.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", {
      message: { id: "Kirim foto dengan Content-Type image/jpeg, image/png atau image/webp.", en: "Send the photo as image/jpeg, image/png or image/webp." },
    });
  }
  const bytes = await readBody(request, maxBytes);
  if (bytes.byteLength === 0) throw new AppError("IMAGE_UNREADABLE");
  return bytes;
}

/** Parses already-decoded input; a schema issue whose message is an error code becomes that code. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join(".") || undefined;
  if (isErrorCode(issue.message)) throw new AppError(issue.message, { field });
  throw new AppError("VALIDATION_FAILED", { field });
}
