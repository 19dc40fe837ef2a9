import { createDb, type Db, type OfficerRole } from "@ktp/db";
import { createE2eOfficer, type E2eOfficer } from "@ktp/testing/officer";
import { test as base, expect } from "@ktp/testing/security-e2e";
import { e2eEnv } from "@ktp/testing/e2e-env";

// Each officer test signs in as an officer of its own, made in the database (@ktp/testing/officer).

type Fixtures = {
  db: Db;
  /** A new officer, with a counter of their own Dinas (Samarinda unless told). */
  officer: (options?: { kabupatenKode?: string; role?: OfficerRole }) => Promise<E2eOfficer>;
};

export const test = base.extend<Fixtures>({
  db: async ({}, use) => {
    const db = createDb({ url: e2eEnv.databaseUrl(), maxConnections: 2 });
    await use(db);
    await db.$disconnect();
  },
  officer: async ({ db }, use) => {
    await use((options) => createE2eOfficer(db, options));
  },
});

export { expect };
export { signInOfficer } from "@ktp/testing/officer";
