import type { AnyJson } from "./client.ts";

// A browser's part in a few lines: one cookie jar per person, JSON in and out, and a network
// failure (the server died mid-request) reported as status 0 instead of thrown.

export interface Reply {
  /** 0 when no HTTP answer came back (connection refused or cut). */
  status: number;
  /** The JSON error code (`{ error: { code } }`), if any. */
  code?: string;
  body?: AnyJson;
  /** Why no answer came back, for status 0. */
  network?: string;
  ms: number;
}

export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  get(path: string): Promise<Reply> {
    return this.send("GET", path);
  }

  post(path: string, json?: unknown): Promise<Reply> {
    return this.send("POST", path, json === undefined ? undefined : { body: JSON.stringify(json), contentType: "application/json" });
  }

  postBytes(path: string, body: Uint8Array, contentType: string): Promise<Reply> {
    return this.send("POST", path, { body, contentType });
  }

  async send(method: string, path: string, payload?: { body: string | Uint8Array; contentType: string }): Promise<Reply> {
    const started = performance.now();
    const headers: Record<string, string> = { accept: "application/json" };
    // As the app's own pages send it: state-changing requests from another origin are refused.
    if (method !== "GET") headers.origin = new URL(this.baseUrl).origin;
    if (payload) headers["content-type"] = payload.contentType;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    try {
      const response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: payload ? (payload.body as BodyInit) : undefined,
        redirect: "manual",
        // Generous: a face comparison on a loaded 2-core machine takes tens of seconds.
        signal: AbortSignal.timeout(120_000),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const at = pair!.indexOf("=");
        this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
      }
      const text = await response.text();
      let body: AnyJson;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      return { status: response.status, code: body?.error?.code, body, ms: performance.now() - started };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { status: 0, network: cause?.code ?? cause?.message ?? (error as Error).message, ms: performance.now() - started };
    }
  }
}

/** "200", "409 WRONG_STEP", "cut (UND_ERR_SOCKET)". */
export function describeReply(reply: Reply): string {
  if (reply.status === 0) return `cut (${reply.network})`;
  return reply.code ? `${reply.status} ${reply.code}` : String(reply.status);
}
