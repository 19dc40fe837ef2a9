import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` only; migrations are applied by packages/db/src/migrate.ts
// (see docs/decisions/002-migrations-offline.md).
export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5433/ktp" },
});
