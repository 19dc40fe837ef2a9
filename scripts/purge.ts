// npm run purge: removes what docs/security.md says is no longer kept (the citizen app also runs it hourly).
import { createDb } from "@ktp/db";
import { purgeStale } from "../packages/core/src/server/maintenance/purge-stale.ts";
import { useDatabase } from "@ktp/db/embedded";

const database = await useDatabase();
const db = createDb({ url: database.url, maxConnections: 1 });
try {
  console.log(JSON.stringify(await purgeStale({ db })));
} finally {
  await db.$disconnect();
  await database.stop();
}
