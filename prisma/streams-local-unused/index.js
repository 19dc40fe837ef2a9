// `prisma dev` (Prisma's local PGlite server) is not used here: the embedded PostgreSQL is.
export async function startLocalDurableStreamsServer() {
  throw new Error("`prisma dev` is not available in KTP Digital; use `npm start` (docs/decisions/023-install-warnings.md).");
}
