// The ESLint flat configs of the repository, composed by the root eslint.config.ts (decision 021).
import { includeIgnoreFile } from "@eslint/compat";
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier/flat";
import compatPlugin from "eslint-plugin-compat";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import { noServerImportInClient } from "./no-server-import-in-client.ts";

const TYPESCRIPT = ["**/*.ts", "**/*.tsx"];

/** What git ignores (builds, generated Prisma client, downloaded models), ESLint ignores. */
export const gitignore = (file: string) => includeIgnoreFile(file);

/**
 * Every TypeScript file, with type information: each file is checked in the program of its own
 * tsconfig.json (projectService); files no tsconfig.json covers get `tools` (a tsconfig path).
 */
export function typescript({ rootDir, tools }: { rootDir: string; tools: { files: string[]; project: string } }) {
  return defineConfig(
    {
      files: TYPESCRIPT,
      extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
      languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: rootDir } },
      linterOptions: { reportUnusedDisableDirectives: "error" },
      rules: {
        // React calls event handlers and drops what they return; an async onClick or onSubmit is the norm.
        "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      },
    },
    { files: tools.files, languageOptions: { parserOptions: { projectService: false, project: tools.project } } },
  );
}

/**
 * Tests and their tooling: assertions check the shape of what `response.json()` (typed `any`)
 * returns, and fakes implement async interfaces without awaiting anything.
 */
export function tests({ files, playwrightFixtures }: { files: string[]; playwrightFixtures: string[] }) {
  return defineConfig(
    {
      files,
      rules: {
        "@typescript-eslint/no-unsafe-argument": "off",
        "@typescript-eslint/no-unsafe-assignment": "off",
        "@typescript-eslint/no-unsafe-call": "off",
        "@typescript-eslint/no-unsafe-member-access": "off",
        "@typescript-eslint/no-unsafe-return": "off",
        "@typescript-eslint/require-await": "off",
      },
    },
    // Playwright reads a fixture's first parameter as an object pattern, `{}` when it uses no other fixture.
    { files: playwrightFixtures, rules: { "no-empty-pattern": "off" } },
  );
}

/** React's rules of hooks and the React Compiler's checks, for components and hooks. */
export function react({ files }: { files: string[] }) {
  return defineConfig({
    files,
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // Flags loading data or reading localStorage in an effect and setting state from it, which the
      // components do on purpose (hydration-safe, no data library); the apps don't use the React Compiler.
      "react-hooks/set-state-in-effect": "off",
    },
  });
}

/** Next.js's own rules (core web vitals), for the apps. */
export function nextjs({ files, rootDir }: { files: string[]; rootDir: string }) {
  return defineConfig({
    files,
    extends: [nextPlugin.configs["core-web-vitals"]],
    settings: { next: { rootDir } },
    rules: {
      // Every <img> shows a private, per-citizen API response (e-KTP photo, selfie) or a blob:/data: URL,
      // which next/image's optimizer must not fetch or cache.
      "@next/next/no-img-element": "off",
    },
  });
}

/**
 * The style guide's boundaries (STYLE.md rules 2 and 7):
 * - app code never imports @ktp/db: it takes the client from `src/services.ts` (getDb) and hands it to a domain function;
 * - a "use client" file imports nothing from @ktp/core/server/* or @ktp/db;
 * - `process.env` is read only in `envModules` (NODE_ENV and NEXT_RUNTIME, which bundlers inline, anywhere).
 */
export function boundaries({ appCode, envModules }: { appCode: string[]; envModules: string[] }) {
  const readEnvHere = `Read the environment in an env module (${envModules.join(", ")}) and import the value.`;
  return defineConfig(
    {
      files: TYPESCRIPT,
      plugins: { ktp: { meta: { name: "ktp" }, rules: { "no-server-import-in-client": noServerImportInClient } } },
      rules: { "ktp/no-server-import-in-client": "error" },
    },
    {
      files: appCode,
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [{ group: ["@ktp/db", "@ktp/db/*"], message: "Apps hold no query: take the client from src/services.ts (getDb) and pass it to a domain function in @ktp/core/server." }],
          },
        ],
      },
    },
    {
      files: TYPESCRIPT,
      ignores: envModules,
      rules: {
        "no-restricted-syntax": [
          "error",
          {
            selector:
              "MemberExpression[object.name='process']:matches([property.name='env'], [property.value='env']):not(MemberExpression[property.name=/^(NODE_ENV|NEXT_RUNTIME)$/] > MemberExpression.object)",
            message: readEnvHere,
          },
          {
            selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']",
            message: readEnvHere,
          },
        ],
      },
    },
  );
}

/**
 * The citizen app's phones (issue 13, item 8): Safari on iOS/iPadOS 16+ and Chrome on Android 10+
 * (Chrome 83+). Also `browserslist` in apps/citizen/package.json, which Next.js compiles for.
 */
export const CITIZEN_BROWSERS = ["iOS >= 16", "Safari >= 16", "Chrome >= 83", "ChromeAndroid >= 83"];

/**
 * eslint-plugin-compat over browser code: a Web API one of `browsers` lacks is an error unless the
 * code checks for it first; each fallback is named in docs/browser-support.md.
 */
export function compat({ files, ignores = [], browsers }: { files: string[]; ignores?: string[]; browsers: string[] }) {
  return defineConfig({ files, ignores, extends: [compatPlugin.configs["flat/recommended"]], settings: { browsers }, rules: { "compat/compat": "error" } });
}

/** Last: turns off the stylistic rules Prettier owns. */
export const formatting = defineConfig(prettier);
