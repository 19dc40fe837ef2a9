import { spawn } from "node:child_process";
import { send, sendEndless } from "./reliability/client.ts";
const url = "postgresql://postgres:ktp-local@localhost:5499/postgres";
const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "server.ts"], { cwd: "/work/main/apps/citizen", stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url, APP_SECRET: "x".repeat(43), SMTP_URL: "smtp://localhost:1", PORT: "3100", CITIZEN_URL: "http://localhost:3100", RATE_LIMIT_IP_MULTIPLIER: "50" } });
for (;;) { try { if ((await fetch("http://localhost:3100/api/health")).ok) break; } catch {} await new Promise((r) => setTimeout(r, 300)); }
try {
  const r = await sendEndless({ app: "citizen", method: "POST", path: "/api/siak/v1/nik/verify", from: "127.0.45.2", headers: { "content-type": "application/json" } }, { totalBytes: 100 * 1024 * 1024 });
  console.log("endless", r.status, r.json?.error?.code, r.ms, r.bytesSent);
} catch (e) { console.log("endless failed", (e as Error).message); }
const from = `127.0.47.${Math.floor(Math.random() * 200) + 1}`;
const codes: Record<string, number> = {};
await Promise.all(Array.from({ length: 12 }, async () => { for (let i = 0; i < 300; i++) { const r = await send({ app: "citizen", method: "POST", path: "/api/siak/v1/nik/verify", from, headers: { "content-type": "application/json" }, body: new TextEncoder().encode(JSON.stringify({ nik: "1" })) }); codes[r.status] = (codes[r.status] ?? 0) + 1; } }));
console.log(codes);
child.kill("SIGINT"); process.exit(0);
