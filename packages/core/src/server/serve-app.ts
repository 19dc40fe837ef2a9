import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { isIP, type Socket } from "node:net";
import next from "next";
import { AppError, localeOf, toErrorBody } from "../universal/errors.ts";
import { attachBody, CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "./client.ts";
import { log, scrubPath } from "./log.ts";
import { nameAppInLogs, processSetting } from "./process-env.ts";
import { securityDecision, type SecurityPolicyOptions } from "./security-headers.ts";

// Each app runs behind this small HTTP server instead of `next start`, because Next keeps an
// incoming X-Forwarded-For as it is: a forged header would buy a fresh rate-limit quota. Here the
// client is the socket's address, or what a proxy named in TRUSTED_PROXIES says it forwarded.
// It also refuses cross-origin state changes and sets the security headers (security-headers.ts).

export interface ServeAppOptions {
  name: string;
  /** The app's directory (where next.config.ts is). */
  dir: string;
  port: number;
  hostname?: string;
  dev?: boolean;
  /** Addresses of proxies whose X-Forwarded-For is believed (e.g. the load balancer's). */
  trustedProxies?: string[];
  /**
   * The app's public origin (the Origin check) and its camera pages (Permissions-Policy), read
   * once Next.js has loaded the app's .env files.
   */
  security: () => Omit<SecurityPolicyOptions, "dev">;
  /**
   * Route handlers served without Next.js (decision 014): the machine-facing APIs whose rate
   * matters. Keys are "METHOD /exact/path"; the handler is the route.ts export itself.
   */
  directRoutes?: () => Promise<DirectRoutes>;
  /**
   * Files served as they are, in development too: "/exact/path" → a file on disk (a library's
   * WebAssembly from node_modules, which the bundler must not touch). Read once, kept in memory.
   */
  files?: Record<string, ServedFile>;
}

// The context is what Next.js passes a static route's handler.
type RouteHandler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;
export type DirectRoutes = Record<string, RouteHandler>;

export async function serveApp({ name, dir, port, hostname = "0.0.0.0", dev = false, trustedProxies = [], security, directRoutes, files = {} }: ServeAppOptions) {
  const app = next({ dev, dir, port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const policy = { ...security(), dev };
  // In development every route goes through Next.js, so edits reload.
  const direct = new Map(Object.entries(dev || !directRoutes ? {} : await directRoutes()));
  const trusted = new Set(trustedProxies.map(normalizeIp));
  // Every log line names the app (log.ts reads KTP_APP), Next's own copy of log.ts included.
  nameAppInLogs(name);
  const access = log;

  const server = createServer((req, res) => {
    const started = performance.now();
    const socket = req.socket;
    const { ip, viaProxy } = identifyClient(req, trusted);
    const inboundId = viaProxy ? String(req.headers[REQUEST_ID_HEADER] ?? "") : "";
    const requestId = /^[A-Za-z0-9-]{8,64}$/.test(inboundId) ? inboundId : randomUUID();
    // Only this server writes these headers; whatever a client sent under their names is dropped.
    for (const header of Object.keys(req.headers)) {
      if (header.startsWith("x-ktp-") || (!viaProxy && header.startsWith("x-forwarded-"))) delete req.headers[header];
    }
    req.headers[CLIENT_IP_HEADER] = ip;
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.on("finish", () => {
      access.info({ reqId: requestId, method: req.method, path: scrubPath(req.url ?? ""), status: res.statusCode, ms: Math.round(performance.now() - started) });
      if (!req.complete) discardTheRest(req, socket);
    });
    const headers = toHeaders(req);
    const pathname = pathnameOf(req.url ?? "/");
    const { refused, headers: responseHeaders } = securityDecision({ method: req.method ?? "GET", pathname, headers }, policy);
    for (const [header, value] of Object.entries(responseHeaders)) res.setHeader(header, value);
    // Next answers a path it cannot percent-decode (/api/x%zz, /api/residents/%80) with a bare 500.
    if (!isDecodablePath(req.url ?? "/")) return refuse(res, 400, new AppError("VALIDATION_FAILED"), headers);
    if (refused) return refuse(res, 403, new AppError("ORIGIN_REFUSED"), headers);
    // Next.js takes the nonce for its scripts from the request's CSP; a client's own CSP is replaced.
    req.headers["content-security-policy"] = responseHeaders["content-security-policy"];
    const file = Object.hasOwn(files, pathname) ? files[pathname] : undefined;
    if (file && (req.method === "GET" || req.method === "HEAD")) return void serveFile(file, req, res, headers);
    const handler = direct.get(`${req.method} ${pathname}`);
    if (handler) return void serveDirect(handler, req, res, policy.publicOrigin, headers);
    void handle(req, res);
  });
  // Slow or endless requests cannot hold a connection for ever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  access.info({ port, dev }, `${name} listening`);
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}

/** The socket's address, or, behind a trusted proxy, the right-most address it did not add itself. */
export function identifyClient(req: Pick<IncomingMessage, "headers" | "socket">, trusted: Set<string>): { ip: string; viaProxy: boolean } {
  const socketIp = normalizeIp(req.socket.remoteAddress ?? "");
  if (!trusted.has(socketIp)) return { ip: socketIp || "unknown", viaProxy: false };
  const forwarded = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((s) => normalizeIp(s.trim()))
    .filter((s) => isIP(s));
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trusted.has(forwarded[i]!)) return { ip: forwarded[i]!, viaProxy: true };
  }
  return { ip: forwarded[0] ?? socketIp, viaProxy: true };
}

/** The primary of a cluster: starts the workers, replaces one that dies, stops them all on SIGTERM. */
function superviseWorkers(name: string, workers: number) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    log.error({ app: name, pid: worker.process.pid, code, signal }, "worker died; starting another");
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

export interface ServedFile {
  file: string;
  type: string;
  /** Default: a day (the names carry no version, so caches revalidate daily). */
  cacheControl?: string;
}

const fileBytes = new Map<string, Promise<Buffer>>();

async function serveFile({ file, type, cacheControl = "public, max-age=86400" }: ServedFile, req: IncomingMessage, res: ServerResponse, headers: Headers) {
  try {
    if (!fileBytes.has(file)) fileBytes.set(file, readFile(file));
    const bytes = await fileBytes.get(file)!;
    res.writeHead(200, { "content-type": type, "content-length": bytes.length, "cache-control": cacheControl });
    res.end(req.method === "HEAD" ? undefined : bytes);
  } catch (error) {
    fileBytes.delete(file);
    log.error({ err: error, file }, "a served file cannot be read");
    refuse(res, 503, new AppError("SERVICE_UNAVAILABLE"), headers);
  }
}

/** A route handler called with a web Request made straight from Node's request, without Next.js. */
/**
 * The largest body a direct route is handed (each route's own limit, checked by readBody, is lower).
 * Bodies are read here, counted while they stream, so the handler gets bytes and no web stream:
 * a web stream costs more CPU than the NIK check itself.
 */
const DIRECT_MAX_BODY_BYTES = 64 * 1024;

async function serveDirect(handler: RouteHandler, req: IncomingMessage, res: ServerResponse, origin: string, headers: Headers) {
  try {
    headers.set(CLIENT_IP_HEADER, String(req.headers[CLIENT_IP_HEADER]));
    headers.set(REQUEST_ID_HEADER, String(req.headers[REQUEST_ID_HEADER]));
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const body = hasBody ? await readUpTo(req, DIRECT_MAX_BODY_BYTES) : null;
    if (body === "too large") return refuse(res, 413, new AppError("PAYLOAD_TOO_LARGE"), headers);
    const request = new Request(new URL(req.url ?? "/", origin), { method: req.method, headers });
    if (body) attachBody(request, body);
    const response = await handler(request, { params: Promise.resolve({}) });
    for (const [header, value] of response.headers) res.setHeader(header, value);
    res.statusCode = response.status;
    if (!response.body) return void res.end();
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    log.error({ reqId: req.headers[REQUEST_ID_HEADER], err: error }, "direct route failed");
    if (!res.headersSent) refuse(res, 500, new AppError("INTERNAL"), headers);
    else res.destroy();
  }
}

/** A request's body, or "too large" at the first byte past `maxBytes` (the rest is left unread). */
function readUpTo(req: IncomingMessage, maxBytes: number): Promise<Buffer | "too large"> {
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) return Promise.resolve("too large");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total <= maxBytes) return void chunks.push(chunk);
      req.off("data", onData);
      req.pause();
      resolve("too large");
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** What is still read of a body after its answer: a short rest ends, and the connection is kept. */
const DRAIN_BYTES = 64 * 1024;
/** How long a connection whose body goes on is kept after its answer, so the client reads the answer. */
const LINGER_MS = 1000;

/**
 * Answered before the body ended (a 413, or refused before it was read): Node alone would read the
 * rest to the end, however long. A short rest is read and dropped, and the connection serves the
 * next request. A longer one is no longer read: the socket pauses, so TCP stops the client's
 * upload (nothing is held), the server ends its side, and closes a moment later. Closing at once
 * would reset the connection while the client still writes, and a reset throws away the answer
 * the client has not read yet.
 * (`socket` is the request's as it was: Node detaches it once the answer is out.)
 */
function discardTheRest(req: IncomingMessage, socket: Socket) {
  let left = DRAIN_BYTES;
  const stop = () => {
    clearTimeout(timer);
    req.off("data", drop);
    req.pause();
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  const drop = (chunk: Buffer) => {
    left -= chunk.byteLength;
    if (left < 0) stop();
  };
  const timer = setTimeout(stop, LINGER_MS);
  timer.unref();
  req.on("data", drop);
  req.once("end", () => clearTimeout(timer));
  req.resume();
}

/** A JSON error answered by this server itself, before Next.js (whose handlers use errorResponse). */
function refuse(res: ServerResponse, status: number, error: AppError, headers: Headers) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(toErrorBody(error, localeOf({ headers }))));
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/** The path of a request target, without its query; a full URL (a proxy's request form) gives its path. */
function pathnameOf(url: string): string {
  return new URL(url, "http://x").pathname;
}

/** Whether the path of a request target (the query aside) is valid percent-encoded UTF-8. */
export function isDecodablePath(url: string): boolean {
  try {
    decodeURIComponent(url.split("?", 1)[0]!);
    return true;
  } catch {
    return false;
  }
}

function normalizeIp(ip: string): string {
  return ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

/**
 * serveApp configured from the environment: PORT, BIND_ADDRESS, TRUSTED_PROXIES (comma-separated),
 * WEB_CONCURRENCY (worker processes sharing the port, one per core in production; 1 by default);
 * `--dev` for development.
 */
export async function serveAppFromEnv({
  name,
  dir,
  defaultPort,
  security,
  directRoutes,
  files,
}: Pick<ServeAppOptions, "name" | "dir" | "security" | "directRoutes" | "files"> & { defaultPort: number }) {
  const port = Number(processSetting("PORT") ?? defaultPort);
  const workers = Number(processSetting("WEB_CONCURRENCY") ?? 1);
  if (!Number.isInteger(workers) || workers < 1) {
    console.error(`${name} cannot start: WEB_CONCURRENCY must be a whole number of at least 1.`);
    process.exit(1);
  }
  if (workers > 1 && cluster.isPrimary) return superviseWorkers(name, workers);
  const trustedProxies = (processSetting("TRUSTED_PROXIES") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const invalid = trustedProxies.filter((ip) => !isIP(ip));
  if (!Number.isInteger(port) || invalid.length) {
    console.error(`${name} cannot start: ${invalid.length ? `TRUSTED_PROXIES has addresses that are not IPs: ${invalid.join(", ")}` : "PORT is not a number"}.`);
    process.exit(1);
  }
  return serveApp({ name, dir, port, hostname: processSetting("BIND_ADDRESS"), dev: process.argv.includes("--dev"), trustedProxies, security, directRoutes, files });
}
