// Several instances: two of each app behind HAProxy (Debian's package), the counter-activation e2e
// through the load balancer, and a per-IP rate limit of N holding at N across both instances,
// forged X-Forwarded-For or not. Part of `npm test` (scripts/test.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { JSONReport } from "@playwright/test/reporter";
import pg from "pg";
import { LIMITS } from "@ktp/core/server/rate-limit";
import { APPS, type AppName, run, startApps } from "../lib/apps.ts";
import { ROOT } from "../lib/root.ts";
import { ensureDebianPackage } from "../lib/debian.ts";

const HAPROXY = "/usr/sbin/haproxy";

export interface MultiInstanceOptions {
  databaseUrl: string;
  appSecret: string;
  smtpUrl: string;
  /** Ports: the balancer listens on base+0..2, the instances on base+10.. and base+20.. */
  basePort: number;
  /** Extra environment for Playwright (camera dir, inbox URL, reports). */
  playwrightEnv: NodeJS.ProcessEnv;
}

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export async function runMultiInstance({ databaseUrl, appSecret, smtpUrl, basePort, playwrightEnv }: MultiInstanceOptions): Promise<Check[]> {
  ensureDebianPackage(HAPROXY, "haproxy");
  const dir = path.join(ROOT, ".data/multi-instance");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const lb = Object.fromEntries(APPS.map((app, i) => [app.name, `http://localhost:${basePort + i}`])) as Record<AppName, string>;
  // Every instance knows the balancer's public addresses (passkeys, Origin, links) and trusts it as a proxy.
  const env = {
    CITIZEN_URL: lb.citizen,
    OFFICER_URL: lb.officer,
    VERIFIER_URL: lb.verifier,
    TRUSTED_PROXIES: "127.0.0.1,::1",
    RATE_LIMIT_IP_MULTIPLIER: "1",
  };
  const common = { databaseUrl, appSecret, smtpUrl, env };
  // The e2e run before this one spent 127.0.0.1's budgets under a multiplier; start from zero at ×1.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("TRUNCATE app.rate_limit").finally(() => client.end());
  const instances = await Promise.all([
    startApps({ ...common, portOffset: basePort + 10 - 3000, logDir: path.join(dir, "a") }),
    startApps({ ...common, portOffset: basePort + 20 - 3000, logDir: path.join(dir, "b") }),
  ]);
  let haproxy: ChildProcess | undefined;
  try {
    haproxy = await startHaproxy(
      dir,
      lb,
      instances.map((i) => i.urls),
    );
    const checks: Check[] = [];
    checks.push(await counterActivationThroughBalancer(lb, playwrightEnv));
    checks.push(...(await rateLimitAcrossInstances(lb.citizen, dir)));
    return checks;
  } finally {
    haproxy?.kill("SIGTERM");
    await Promise.all(instances.map((i) => i.stop()));
  }
}

async function startHaproxy(dir: string, lb: Record<AppName, string>, backends: Record<AppName, string>[]): Promise<ChildProcess> {
  const port = (url: string) => new URL(url).port;
  const config = [
    "global",
    "  maxconn 2000",
    "defaults",
    "  mode http",
    "  timeout connect 5s",
    "  timeout client 60s",
    "  timeout server 60s",
    ...APPS.flatMap((app) => [
      `frontend ${app.name}`,
      `  bind 127.0.0.1:${port(lb[app.name])}`,
      // The edge proxy names the client itself: whatever X-Forwarded-For the client sent is replaced.
      "  http-request set-header X-Forwarded-For %[src]",
      `  default_backend ${app.name}_instances`,
      `backend ${app.name}_instances`,
      "  balance roundrobin",
      ...backends.map((urls, i) => `  server ${app.name}${i} 127.0.0.1:${port(urls[app.name])} check inter 2s`),
    ]),
  ].join("\n");
  const file = path.join(dir, "haproxy.cfg");
  writeFileSync(file, `${config}\n`);
  const child = spawn(HAPROXY, ["-f", file, "-db"], { stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error("HAProxy exited at start.");
    const ok = await Promise.all(
      APPS.map((app) =>
        fetch(`${lb[app.name]}/api/health`).then(
          (r) => r.ok,
          () => false,
        ),
      ),
    );
    if (ok.every(Boolean)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("HAProxy did not come up.");
}

/** The whole counter activation (two browser contexts) through the balancer, requests alternating between instances. */
async function counterActivationThroughBalancer(lb: Record<AppName, string>, playwrightEnv: NodeJS.ProcessEnv): Promise<Check> {
  const report = path.join(ROOT, ".data/multi-instance/playwright.json");
  const ok = await run("node_modules/.bin/playwright", ["test", "--config", "scripts/playwright.config.ts", "--project", "citizen-counter"], {
    ...playwrightEnv,
    E2E_CITIZEN_URL: lb.citizen,
    E2E_OFFICER_URL: lb.officer,
    E2E_VERIFIER_URL: lb.verifier,
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  }).then(
    () => true,
    () => false,
  );
  const { stats } = JSON.parse(readFileSync(report, "utf8")) as JSONReport;
  return {
    name: "counter activation e2e through HAProxy, 2 instances of each app",
    pass: ok && stats.expected > 0 && stats.unexpected === 0,
    detail: `${stats.expected} passed, ${stats.unexpected} failed`,
  };
}

/** nikVerifyIp allows N per minute per client: N+10 requests spread over both instances get exactly N answers. */
async function rateLimitAcrossInstances(citizenUrl: string, dir: string): Promise<Check[]> {
  const limit = LIMITS.nikVerifyIp.points;
  const send = (forged?: string) =>
    fetch(`${citizenUrl}/api/siak/v1/nik/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(forged ? { "x-forwarded-for": forged } : {}) },
      body: JSON.stringify({ nik: "6472051708850001" }),
    }).then((r) => ({ status: r.status, retryAfter: r.headers.get("retry-after") }));
  const before = servedBy(dir);
  const first = await Promise.all(Array.from({ length: limit + 10 }, () => send()));
  // Access-log lines can trail the answers by a moment.
  let served = servedBy(dir);
  for (let waited = 0; waited < 5000 && (served.a === before.a || served.b === before.b); waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    served = servedBy(dir);
  }
  const forged = await Promise.all(Array.from({ length: 10 }, (_, i) => send(`203.0.113.${i + 1}`)));
  const ok = first.filter((r) => r.status === 200).length;
  const limited = first.filter((r) => r.status === 429);
  return [
    {
      name: `a per-IP limit of ${limit}/min holds at ${limit} across two instances`,
      pass: ok === limit && limited.length === 10 && limited.every((r) => Number(r.retryAfter) > 0) && served.a > before.a && served.b > before.b,
      detail: `${ok} answered, ${limited.length} refused with Retry-After; instance A served ${served.a - before.a}, B ${served.b - before.b}`,
    },
    {
      name: "a forged X-Forwarded-For buys no fresh quota",
      pass: forged.every((r) => r.status === 429),
      detail: `${forged.filter((r) => r.status === 429).length} of ${forged.length} forged requests refused`,
    },
  ];
}

/** Requests to the NIK check each instance has logged so far. */
function servedBy(dir: string): { a: number; b: number } {
  const count = (instance: string) =>
    readFileSync(path.join(dir, instance, "citizen.log"), "utf8")
      .split("\n")
      .filter((l) => l.includes('"path":"/api/siak/v1/nik/verify"')).length;
  return { a: count("a"), b: count("b") };
}
