import type { ErrorBody, Locale } from "@ktp/core/universal/errors";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };

/**
 * Calls one of the app's own APIs. A JSON `body` is sent as JSON; a Blob as itself. An error
 * answer comes back as its `error`; a network failure rejects, for the caller's "try again".
 */
export async function request<T>(method: string, url: string, locale: Locale, body?: unknown): Promise<ApiResult<T>> {
  const isBlob = body instanceof Blob;
  const response = await fetch(url, {
    method,
    headers: { "accept-language": locale, ...(body === undefined ? {} : { "content-type": isBlob ? body.type || "application/octet-stream" : "application/json" }) },
    body: body === undefined ? undefined : isBlob ? body : JSON.stringify(body),
  });
  const payload: unknown = response.status === 204 ? null : await response.json();
  return response.ok ? { ok: true, data: payload as T } : { ok: false, error: (payload as ErrorBody).error };
}

export const post = <T>(url: string, locale: Locale, body?: unknown) => request<T>("POST", url, locale, body);
export const get = <T>(url: string, locale: Locale) => request<T>("GET", url, locale);
