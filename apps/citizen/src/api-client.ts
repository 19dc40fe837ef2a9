import type { ErrorBody, Locale } from "@ktp/core/universal/errors";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };

/**
 * POSTs to one of the app's own APIs. A JSON `body` is sent as JSON; a Blob as itself. An error
 * answer comes back as its `error`; a network failure rejects, for the caller's "try again".
 */
export async function post<T>(url: string, locale: Locale, body?: unknown): Promise<ApiResult<T>> {
  const isBlob = body instanceof Blob;
  const response = await fetch(url, {
    method: "POST",
    headers: { "accept-language": locale, ...(body === undefined ? {} : { "content-type": isBlob ? body.type || "application/octet-stream" : "application/json" }) },
    body: body === undefined ? undefined : isBlob ? body : JSON.stringify(body),
  });
  const payload = await response.json();
  return response.ok ? { ok: true, data: payload as T } : { ok: false, error: (payload as ErrorBody).error };
}
