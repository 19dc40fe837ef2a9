import path from "node:path";
import { defineConfig } from "vitest/config";

// One run for every package and app. Tests that touch data read DATABASE_URL, which
// scripts/test.ts points at a freshly migrated and seeded database.
export default defineConfig({
  root: path.resolve(import.meta.dirname, ".."),
  resolve: {
    // "server-only" throws outside React Server Components; tests run on the server anyway.
    alias: { "server-only": path.resolve(import.meta.dirname, "lib/empty.ts") },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/e2e/**"],
    testTimeout: 30_000,
    env: { LOG_LEVEL: "silent" },
    hookTimeout: 60_000,
  },
});
