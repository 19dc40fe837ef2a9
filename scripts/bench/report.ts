import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { ROOT } from "../lib/root.ts";

// Where the bench scripts write: sections of docs/benchmarks.md and keys of docs/benchmarks.json,
// each stamped with the machine, the date and the commit.

const DOC = path.join(ROOT, "docs/benchmarks.md");
const JSON_DOC = path.join(ROOT, "docs/benchmarks.json");
export const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
export const today = new Date().toISOString().slice(0, 10);
export const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();

/** What else was using the cores as the run began. */
export function describeOtherLoad(): string {
  const [one] = loadavg();
  const busy = execFileSync("ps", ["-eo", "pcpu=,comm=", "--sort=-pcpu"])
    .toString()
    .trim()
    .split("\n")
    .slice(0, 3)
    .map((l) => l.trim())
    .join("; ");
  return `Before the run the load average was ${one!.toFixed(2)} (busiest processes: ${busy}).`;
}

export function writeSection(name: string, body: string) {
  let doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Benchmarks\n";
  const block = `<!-- bench:${name} -->\n${body}\n<!-- /bench:${name} -->`;
  const pattern = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  doc = pattern.test(doc) ? doc.replace(pattern, block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOC, doc);
}

/**
 * Merges figures into docs/benchmarks.json, each group stamped with the date and commit it ran on.
 * A group two benches share (`citizen`) keeps the other's figures; the stamp is the last writer's,
 * so each bench also nests its figures' own stamp (e.g. `citizen.offlineOpen`).
 */
export function writeJson(groups: Record<string, Record<string, unknown>>) {
  const doc = (existsSync(JSON_DOC) ? JSON.parse(readFileSync(JSON_DOC, "utf8")) : {}) as Record<string, Record<string, unknown> | undefined>;
  for (const [key, value] of Object.entries(groups)) doc[key] = { ...doc[key], ...value, date: today, commit };
  writeFileSync(JSON_DOC, `${JSON.stringify(doc, null, 2)}\n`);
}
