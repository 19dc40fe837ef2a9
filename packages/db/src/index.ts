import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export * from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/models.ts";

export interface CreateDbOptions {
  url: string;
  /** Connections in this process's pool. */
  maxConnections?: number;
}

/** The one Prisma client shape used everywhere: pg adapter, heavy and secret columns left out by default. */
export function createDb({ url, maxConnections = 10 }: CreateDbOptions) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: maxConnections }),
    // Secrets and large photos are read only where a use-case selects them explicitly.
    omit: { fotoEktp: { gambar: true }, registration: { pinHash: true, selfieEncrypted: true } },
  });
}

export type Db = ReturnType<typeof createDb>;
