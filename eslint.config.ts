// `npm run lint`. The configs live in packages/lint-config (decision 021); this file says where they apply.
import { boundaries, CITIZEN_BROWSERS, compat, formatting, gitignore, nextjs, react, tests, typescript } from "@ktp/lint-config/eslint";
import { defineConfig } from "eslint/config";
import path from "node:path";

const root = import.meta.dirname;

export default defineConfig(
  gitignore(path.join(root, ".gitignore")),
  // Scripts, the seeder, the Playwright specs and this file: tsconfig.tools.json, as `npm run typecheck` does.
  typescript({ rootDir: root, tools: { files: ["scripts/**", "prisma/**", "apps/*/e2e/**", "eslint.config.ts"], project: "./tsconfig.tools.json" } }),
  // The reliability suites and the Playwright helpers in scripts/ are test code too.
  tests({
    files: ["**/*.test.ts", "**/*.spec.ts", "apps/*/e2e/**", "scripts/reliability/**", "packages/testing/**"],
    playwrightFixtures: ["apps/*/e2e/fixtures.ts"],
  }),
  react({ files: ["apps/**/*.tsx", "apps/*/src/**/*.ts", "packages/ui/**"] }),
  nextjs({ files: ["apps/*/app/**", "apps/*/src/**", "apps/*/*.ts"], rootDir: "apps/*/" }),
  // The citizen app's browser code and the shared code it runs, against iOS 16+ and Chrome 83+ (docs/browser-support.md).
  compat({
    files: ["apps/citizen/app/**/*.tsx", "apps/citizen/src/**/*.{ts,tsx}", "packages/ui/src/**/*.{ts,tsx}", "packages/core/src/universal/**/*.ts"],
    ignores: ["**/*.test.ts", "apps/citizen/src/env.ts", "apps/citizen/src/services.ts", "apps/citizen/src/instrumentation-node.ts", "packages/ui/src/build-service-worker.ts"],
    browsers: CITIZEN_BROWSERS,
  }),
  boundaries({
    appCode: ["apps/*/app/**", "apps/*/src/**"],
    envModules: [
      "packages/core/src/server/env.ts", // defineEnv: each app's settings (apps/*/src/env.ts), checked by zod at start-up
      "packages/core/src/universal/zod-env.ts", // readEnvVariable: one setting, for an app's server.ts
      "packages/core/src/server/process-env.ts", // the app servers' and the log's process settings (PORT, LOG_LEVEL…)
      "packages/db/src/testing.ts", // the test helpers' DATABASE_URL, set by npm test
      "packages/db/src/embedded.ts", // useDatabase: DATABASE_URL when set, else the embedded cluster
      "scripts/lib/env.ts", // the scripts' settings (npm start, npm test, benchmarks)
      "packages/testing/src/e2e-env.ts", // what npm test hands the Playwright run
      "prisma/prisma.config.ts", // the Prisma CLI's own config file, loaded alone
    ],
  }),
  formatting,
);
