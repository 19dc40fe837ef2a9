// npm run purge: removes what docs/security.md says is no longer kept (the citizen app also runs it hourly).
import { purgeStale } from "@ktp/core/server/maintenance/purge-stale";
import { createDb } from "@ktp/db";
import { useDatabase } from "@ktp/db/embedded";

const database = await useDatabase();
const db = createDb({ url: database.url, maxConnections: 1 });
try {
  console.log(JSON.stringify(await purgeStale({ db })));
} finally {
  await db.$disconnect();
  await database.stop();
}
