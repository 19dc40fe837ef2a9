import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// kill -9, as a power cut or the OOM killer would do it: no signal handler, no shutdown, no flush.

/** SIGKILLs a child process we started and waits until it has exited. */
export async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  await exited;
}

/**
 * SIGKILLs the PostgreSQL cluster running in `dataDir`: the postmaster and every backend, so no
 * survivor finishes a query or holds shared memory. The postmaster is stopped first so it cannot
 * fork a backend between the listing and the kill.
 */
export async function killPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) throw new Error(`No postmaster.pid in ${dataDir}: PostgreSQL is not running there.`);
  const postmaster = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  process.kill(postmaster, "SIGSTOP");
  const victims = [postmaster, ...childrenOf(postmaster)];
  for (const pid of victims) process.kill(pid, "SIGKILL");
  const deadline = Date.now() + 10_000;
  while (victims.some(isAlive)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL processes ${victims.filter(isAlive).join(", ")} survived SIGKILL.`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function childrenOf(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat && stat.ppid === parent) pids.push(Number(entry));
  }
  return pids;
}

/** Running or sleeping; a zombie (exited, not yet reaped) counts as dead. */
function isAlive(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== null && stat.state !== "Z" && stat.state !== "X";
}

function readStat(pid: number): { state: string; ppid: number } | null {
  try {
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, ppid] = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: state!, ppid: Number(ppid) };
  } catch {
    return null;
  }
}
