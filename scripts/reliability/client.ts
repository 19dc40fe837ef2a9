import http from "node:http";
import { e2eEnv } from "@ktp/testing/e2e-env";

// A raw HTTP client for the reliability specs: bytes on the request line and in the body exactly
// as given (bad percent-escapes, chunked bodies, no Content-Length), and a chosen loopback source
// address, so each scenario is its own client for the apps' per-IP rate limits.

export type AppName = "citizen" | "officer" | "verifier";

/** Whatever JSON an app answers: the suites' checks read it as they expect it to be. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a check that reads a field the answer lacks fails, as it should
export type AnyJson = any;

export const APP_URLS: Record<AppName, string> = {
  citizen: e2eEnv.citizenUrl(),
  officer: e2eEnv.officerUrl(),
  verifier: e2eEnv.verifierUrl(),
};

/** Methods that change state: they carry the app's own Origin, as a browser sends it. */
export const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RawRequest {
  app: AppName;
  method: string;
  /** Path and query as they go on the request line (already percent-encoded, or deliberately not). */
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** Sends the body with Transfer-Encoding: chunked, cut into pieces of these sizes (repeated). */
  chunks?: number[];
  /** Loopback address the request comes from (127.0.0.0/8); 127.0.0.1 by default. */
  from?: string;
  /** Origin of a state-changing request: the app's own unless given; null sends none. */
  origin?: string | null;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The parsed body when it is JSON, else undefined. */
  json: AnyJson;
  ms: number;
}

// Kept-alive connections, as browsers use: with "Connection: close" the server closes as soon as it
// has answered, and a body still on its way (a refused upload) meets a reset that hides the answer.
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

/**
 * Sends one request. A kept-alive socket the server closed just as it was reused fails before any
 * answer; that request is sent again once on a new socket (as Node's documentation advises), so an
 * ECONNRESET left over means the server's doing.
 */
export async function send(request: RawRequest): Promise<RawResponse> {
  try {
    return await sendOnce(request);
  } catch (error) {
    const { code, reusedSocket } = error as { code?: string; reusedSocket?: boolean };
    if (!reusedSocket || (code !== "ECONNRESET" && code !== "EPIPE")) throw error;
    return sendOnce(request);
  }
}

function sendOnce(request: RawRequest): Promise<RawResponse> {
  const { app, method, path, body, chunks, from = "127.0.0.1", timeoutMs = 20_000 } = request;
  const url = new URL(APP_URLS[app]);
  const origin = request.origin === undefined ? url.origin : request.origin;
  const headers: Record<string, string> = { host: url.host, connection: "keep-alive", ...(STATE_CHANGING.has(method) && origin ? { origin } : {}), ...request.headers };
  if (body && !chunks) headers["content-length"] = String(body.byteLength);
  // Node only chunks POST, PUT and PATCH bodies on its own; named, it chunks any method's.
  if (body && chunks) headers["transfer-encoding"] = "chunked";
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answered = false;
    const req = http.request({ host: "127.0.0.1", port: url.port, method, path, headers, localAddress: from, agent, setHost: false }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(parts);
        let json: unknown;
        if (/^application\/json\b/i.test(String(res.headers["content-type"] ?? ""))) {
          try {
            json = JSON.parse(text.toString("utf8"));
          } catch {
            json = undefined;
          }
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json, ms: performance.now() - started });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${app}${path.slice(0, 80)}: no answer within ${timeoutMs} ms`)));
    // The server may answer (413) and close before the whole body is written: that is its right.
    req.on("error", (error) => {
      if (!answered) reject(Object.assign(error, { reusedSocket: req.reusedSocket }));
    });
    if (body && chunks?.length) {
      for (let offset = 0, i = 0; offset < body.byteLength; i++) {
        const size = Math.max(1, chunks[i % chunks.length]!);
        req.write(body.subarray(offset, offset + size));
        offset += size;
      }
      req.end();
    } else {
      req.end(body);
    }
  });
}

/** `name=value` of each Set-Cookie, for the Cookie header of later requests. */
export function cookiesOf(response: RawResponse): string {
  return ([] as string[])
    .concat(response.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

/** Streams `totalBytes` of `fill` with Transfer-Encoding: chunked until the server answers, then stops. */
export function sendEndless(
  request: Omit<RawRequest, "body" | "chunks">,
  { totalBytes, chunkBytes = 64 * 1024, fill = 0x61 }: { totalBytes: number; chunkBytes?: number; fill?: number },
): Promise<{ status: number; json: AnyJson; ms: number; bytesSent: number }> {
  const { app, method, path, from = "127.0.0.1" } = request;
  const url = new URL(APP_URLS[app]);
  const headers: Record<string, string> = { host: url.host, connection: "keep-alive", origin: url.origin, ...request.headers, "transfer-encoding": "chunked" };
  const chunk = Buffer.alloc(chunkBytes, fill);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let bytesSent = 0;
    let answered = false;
    const req = http.request({ host: "127.0.0.1", port: url.port, method, path, headers, localAddress: from, agent: false, setHost: false }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => {
        const ms = performance.now() - started;
        req.destroy();
        let json: unknown;
        try {
          json = JSON.parse(Buffer.concat(parts).toString("utf8"));
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json, ms, bytesSent });
      });
    });
    req.setTimeout(request.timeoutMs ?? 60_000, () => req.destroy(new Error(`no answer after ${bytesSent} bytes`)));
    // Stop writing as soon as the server's first bytes arrive, before the response is parsed.
    req.on("socket", (socket) => socket.once("data", () => (answered = true)));
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && bytesSent < totalBytes) {
        bytesSent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
