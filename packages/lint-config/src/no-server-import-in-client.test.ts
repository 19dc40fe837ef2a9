import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, it } from "vitest";
import { noServerImportInClient } from "./no-server-import-in-client.ts";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const error = (source: string) => ({ messageId: "serverImport", data: { source } });

ruleTester.run("no-server-import-in-client", noServerImportInClient, {
  valid: [
    // Server components and route handlers may import anything.
    `import { getDb } from "@ktp/db"; import { verifyNik } from "@ktp/core/server/siak/verify-nik";`,
    // Client files may import the browser-safe half of the domain.
    `"use client"; import { isValidNik } from "@ktp/core/universal/nik"; import type { Applicant } from "@ktp/core/universal/counter";`,
    // The directive counts only at the top of the file, where Next reads it.
    `import { getDb } from "@ktp/db"; "use client";`,
    // A package whose name only starts like ours.
    `"use client"; import x from "@ktp/dbx";`,
  ],
  invalid: [
    { code: `"use client"; import { getDb } from "@ktp/db";`, errors: [error("@ktp/db")] },
    { code: `"use client"; import { createTestDatabase } from "@ktp/db/testing";`, errors: [error("@ktp/db/testing")] },
    { code: `'use client'; import { verifyNik } from "@ktp/core/server/siak/verify-nik";`, errors: [error("@ktp/core/server/siak/verify-nik")] },
    { code: `"use client"; import type { Applicant } from "@ktp/core/server/counter/list-applicants";`, errors: [error("@ktp/core/server/counter/list-applicants")] },
    { code: `"use client"; export { log } from "@ktp/core/server/log";`, errors: [error("@ktp/core/server/log")] },
    { code: `"use client"; export * from "@ktp/db";`, errors: [error("@ktp/db")] },
    { code: `"use client"; const m = await import("@ktp/core/server/env");`, errors: [error("@ktp/core/server/env")] },
  ],
});
