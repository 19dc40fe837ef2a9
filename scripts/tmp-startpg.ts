import { startEmbeddedDatabase } from "../packages/db/src/embedded.ts";
const t = Date.now();
const db = await startEmbeddedDatabase({ dataDir: "/work/main/.data/postgres", port: 5433, database: "ktp", log: console.log });
console.log(db.url, Date.now() - t, "ms");
setInterval(() => {}, 1 << 30);
