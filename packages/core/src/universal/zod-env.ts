import { z } from "zod";

/** A postgres:// URL, as DATABASE_URL must be. */
export const ZDatabaseUrl = z
  .string({ error: "is not set. `npm start` sets it to the embedded PostgreSQL; otherwise give a postgresql:// URL." })
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), { error: "must be a postgresql:// URL." });
