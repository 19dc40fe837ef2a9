import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./database.ts";

export const APPS = [
  { name: "citizen", label: "Warga (citizen PWA)", port: 3000 },
  { name: "officer", label: "Petugas (officer console)", port: 3001 },
  { name: "verifier", label: "Verifikator (verifier)", port: 3002 },
] as const;
export type AppName = (typeof APPS)[number]["name"];

const quietEnv = { NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" };

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: "inherit", env: { ...process.env, ...quietEnv, ...env } });
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

/**
 * Starts each app's server (apps/<app>/server.ts, production or --dev) and waits until every
 * /api/health answers 200. `logDir` keeps each app's JSON log in <logDir>/<app>.log.
 */
export async function startApps(
  { databaseUrl, appSecret, smtpUrl, portOffset = 0, dev = false, log = true, logDir, env: extraEnv = {} }:
    { databaseUrl: string; appSecret: string; smtpUrl: string; portOffset?: number; dev?: boolean; log?: boolean; logDir?: string; env?: NodeJS.ProcessEnv },
): Promise<RunningApps> {
  const children: ChildProcess[] = [];
  const urls = {} as Record<AppName, string>;
  for (const app of APPS) urls[app.name] = `http://localhost:${app.port + portOffset}`;
  if (logDir) mkdirSync(logDir, { recursive: true });
  for (const app of APPS) {
    const port = app.port + portOffset;
    const logFile = logDir ? openSync(path.join(logDir, `${app.name}.log`), "a") : null;
    // One process per app (tsx as a loader, not its CLI, which would add a parent process).
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts", ...(dev ? ["--dev"] : [])], {
      cwd: path.join(ROOT, "apps", app.name),
      env: {
        ...process.env, ...quietEnv,
        NODE_ENV: dev ? "development" : "production",
        KTP_APP: app.name,
        DATABASE_URL: databaseUrl, APP_SECRET: appSecret, SMTP_URL: smtpUrl,
        CITIZEN_URL: urls.citizen, OFFICER_URL: urls.officer, VERIFIER_URL: urls.verifier,
        PORT: String(port),
        ...extraEnv,
      },
      stdio: logFile !== null ? ["ignore", logFile, logFile] : log ? ["ignore", "inherit", "inherit"] : ["ignore", "ignore", "inherit"],
    });
    children.push(child);
  }
  const stop = async () => {
    await Promise.all(
      children.map((child) => new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      })),
    );
  };
  try {
    await Promise.all(APPS.map((app) => waitForHealth(`${urls[app.name]}/api/health`, children)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, stop };
}

async function waitForHealth(url: string, children: ChildProcess[], timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (children.some((c) => c.exitCode !== null)) throw new Error(`An app exited before ${url} was healthy.`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s.`);
}

/** APP_SECRET: the environment's, else one kept in .data/app-secret so encrypted data survives restarts. */
export function appSecret(): string {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  const file = path.join(ROOT, ".data/app-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
