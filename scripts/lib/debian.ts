import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { childEnv } from "./env.ts";

/** Installs a Debian package when its binary is missing (as root; otherwise says how). */
export function ensureDebianPackage(binary: string, pkg: string) {
  if (existsSync(binary)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${binary} is missing. Install it with: sudo apt-get install -y ${pkg}`);
  }
  console.log(`Installing Debian's ${pkg} ...`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", pkg], { stdio: "inherit", env: childEnv({ DEBIAN_FRONTEND: "noninteractive" }) });
}
