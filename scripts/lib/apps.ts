import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { childEnv, scriptEnv } from "./env.ts";
import { ROOT } from "./root.ts";

export const APPS = [
  { name: "citizen", label: "Warga (citizen PWA)", port: 3000 },
  { name: "officer", label: "Petugas (officer console)", port: 3001 },
  { name: "verifier", label: "Verifikator (verifier)", port: 3002 },
] as const;
export type AppName = (typeof APPS)[number]["name"];

const quietEnv = { NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" };

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: "inherit", env: childEnv({ ...quietEnv, ...env }) });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/** Production builds of the three apps (turbo skips unchanged ones). */
export function buildApps(): Promise<void> {
  return run(path.join(ROOT, "node_modules/.bin/turbo"), ["run", "build", "--output-logs=errors-only"]);
}

export interface RunningApps {
  urls: Record<AppName, string>;
  stop(): Promise<void>;
}

export interface AppOptions {
  databaseUrl: string;
  appSecret: string;
  smtpUrl: string;
  portOffset?: number;
  dev?: boolean;
  log?: boolean;
  /** Keeps each app's JSON log in <logDir>/<app>.log (appended, so a restarted app adds to it). */
  logDir?: string;
  env?: NodeJS.ProcessEnv;
}

/** One app's server process; the crash suite kills and restarts it on the same port. */
export interface RunningApp {
  name: AppName;
  url: string;
  child: ChildProcess;
  /** Resolves once /api/health answers 200; rejects if the process exits first. */
  healthy: Promise<void>;
  stop(): Promise<void>;
}

export const appUrls = (portOffset = 0) => Object.fromEntries(APPS.map((app) => [app.name, `http://localhost:${app.port + portOffset}`])) as Record<AppName, string>;

/** Starts one app's server (apps/<app>/server.ts, production or --dev) without waiting for it. */
export function startApp(name: AppName, { databaseUrl, appSecret, smtpUrl, portOffset = 0, dev = false, log = true, logDir, env: extraEnv = {} }: AppOptions): RunningApp {
  const app = APPS.find((a) => a.name === name)!;
  const urls = appUrls(portOffset);
  const port = app.port + portOffset;
  if (logDir) mkdirSync(logDir, { recursive: true });
  const logFile = logDir ? openSync(path.join(logDir, `${app.name}.log`), "a") : null;
  // One process per app (tsx as a loader, not its CLI, which would add a parent process).
  // KTP_APP_NODE_ARGS: extra flags for profiling (e.g. --cpu-prof), which NODE_OPTIONS does not take.
  const child = spawn(process.execPath, [...scriptEnv.appNodeArgs(), "--conditions=react-server", "--import", "tsx", "server.ts", ...(dev ? ["--dev"] : [])], {
    cwd: path.join(ROOT, "apps", app.name),
    env: childEnv({
      ...quietEnv,
      NODE_ENV: dev ? "development" : "production",
      KTP_APP: app.name,
      DATABASE_URL: databaseUrl,
      APP_SECRET: appSecret,
      SMTP_URL: smtpUrl,
      CITIZEN_URL: urls.citizen,
      OFFICER_URL: urls.officer,
      VERIFIER_URL: urls.verifier,
      PORT: String(port),
      ...extraEnv,
    }),
    stdio: logFile !== null ? ["ignore", logFile, logFile] : log ? ["ignore", "inherit", "inherit"] : ["ignore", "ignore", "inherit"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const healthy = waitForHealth(`${urls[name]}/api/health`, [child]);
  healthy.catch(() => {});
  return { name, url: urls[name], child, healthy, stop };
}

/** Starts the three apps and waits until every /api/health answers 200. */
export async function startApps(options: AppOptions): Promise<RunningApps> {
  const running = APPS.map((app) => startApp(app.name, options));
  const stop = async () => {
    await Promise.all(running.map((app) => app.stop()));
  };
  try {
    await Promise.all(running.map((app) => app.healthy));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: appUrls(options.portOffset), stop };
}

export async function waitForHealth(url: string, children: ChildProcess[], timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (children.some((c) => c.exitCode !== null || c.signalCode !== null)) throw new Error(`An app exited before ${url} was healthy.`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s.`);
}

/** APP_SECRET: the environment's, else one kept in .data/app-secret so encrypted data survives restarts. */
export function appSecret(): string {
  const configured = scriptEnv.appSecret();
  if (configured) return configured;
  const file = path.join(ROOT, ".data/app-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
