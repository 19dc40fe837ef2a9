// `npm run lint`. The configs live in packages/lint-config (decision 021); this file says where they apply.
import { boundaries, formatting, gitignore, nextjs, react, tests, typescript } from "@ktp/lint-config/eslint";
import { defineConfig } from "eslint/config";
import path from "node:path";

const root = import.meta.dirname;

export default defineConfig(
  gitignore(path.join(root, ".gitignore")),
  // Scripts, the seeder, the Playwright specs and this file: tsconfig.tools.json, as `npm run typecheck` does.
  typescript({ rootDir: root, tools: { files: ["scripts/**", "prisma/**", "apps/*/e2e/**", "eslint.config.ts"], project: "./tsconfig.tools.json" } }),
  tests({ files: ["**/*.test.ts", "**/*.spec.ts", "apps/*/e2e/**"], playwrightFixtures: ["apps/*/e2e/fixtures.ts"] }),
  react({ files: ["apps/**/*.tsx", "apps/*/src/**/*.ts", "packages/ui/**"] }),
  nextjs({ files: ["apps/*/app/**", "apps/*/src/**", "apps/*/*.ts"], rootDir: "apps/*/" }),
  boundaries({
    appCode: ["apps/*/app/**", "apps/*/src/**"],
    appDbModule: "apps/*/src/db.ts",
    envModules: [
      "apps/*/src/env.ts", // each app's settings, validated by zod at start-up (defineEnv)
      "packages/core/src/server/env.ts", // defineEnv itself
      "packages/core/src/universal/zod-env.ts", // readEnvVariable, for an app's server.ts
      "packages/core/src/server/process-env.ts", // the app servers' and the log's process settings
      "scripts/lib/env.ts", // the scripts' settings (npm start, npm test, benchmarks)
      "scripts/lib/e2e-env.ts", // what npm test hands the Playwright run
      "prisma/prisma.config.ts", // the Prisma CLI's own config file, loaded alone
    ],
  }),
  formatting,
);
