import "server-only";
import type { z } from "zod";
import { AppError, isErrorCode, type Locale, toErrorBody } from "../universal/errors.ts";

// The boundary between HTTP and the domain: parse a request with its zod schema, run the
// use-case, and turn whatever it throws into one JSON error shape.

const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every failure becomes `{ error: { code, message, messages } }`. */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, localeOf(request));
    }
  };
}

export function errorResponse(error: unknown, locale: Locale = "id"): Response {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") console.error(error);
  return Response.json(toErrorBody(appError, locale), {
    status: appError.status,
    headers: { "cache-control": "no-store" },
  });
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDependencyUnreachable(error)) return new AppError("SERVICE_UNAVAILABLE", { cause: error });
  return new AppError("INTERNAL", { cause: error });
}

/** The database or the mail server cannot be reached: our fault, but a 503 the client may retry. */
function isDependencyUnreachable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (["ECONNREFUSED", "ETIMEDOUT", "57P01", "57P03", "P1001", "ECONNECTION", "ESOCKET"].includes(String(e.code))) return true;
  }
  return false;
}

/** Handler for the methods a route does not serve: a JSON 405 naming the ones it does. */
export function methodNotAllowed(...allowed: string[]) {
  return (request: Request) => {
    const response = errorResponse(new AppError("METHOD_NOT_ALLOWED"), localeOf(request));
    response.headers.set("allow", allowed.join(", "));
    return response;
  };
}

/** Handler for API paths that do not exist: a JSON 404 instead of an HTML page. */
export function apiNotFound(request: Request) {
  return errorResponse(new AppError("NOT_FOUND"), localeOf(request));
}

/** Reads a JSON body of bounded size and parses it with `schema`, or throws the matching AppError. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  { maxBytes = DEFAULT_MAX_BODY_BYTES } = {},
): Promise<z.output<S>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");

  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new AppError("INVALID_JSON", { cause });
  }
  return parseInput(schema, body);
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
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE");
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

/** Indonesian unless the request asks for English first (cookie `lang`, then Accept-Language). */
export function localeOf(request: Request): Locale {
  const cookie = request.headers.get("cookie")?.match(/(?:^|;\s*)lang=(id|en)\b/)?.[1];
  if (cookie === "id" || cookie === "en") return cookie;
  const preferred = request.headers.get("accept-language")?.split(",")[0]?.trim().toLowerCase() ?? "";
  return preferred.startsWith("en") ? "en" : "id";
}
