// The platform's signing keys (packages/core/src/server/identity/issuer-keys.ts, decision 013):
//   npm run keys -- list
//   npm run keys -- rotate [--use identity|receipt] [--immediately | --revoke]
// A scheduled rotation publishes the new key a day before it signs. --immediately makes it sign
// now (the old key stays published); --revoke also stops publishing the old one: everything it
// signed stops verifying (a leaked key). APP_SECRET must be the apps' own (it seals the keys).
import { parseArgs } from "node:util";
import { publishedKeys, rotateIssuerKey } from "@ktp/core/server/identity/issuer-keys";
import { deriveKey } from "@ktp/core/server/secrets";
import { createDb } from "@ktp/db";
import { useDatabase } from "@ktp/db/embedded";
import { appSecret } from "./lib/apps.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { use: { type: "string", default: "identity" }, immediately: { type: "boolean", default: false }, revoke: { type: "boolean", default: false } },
});
const use = values.use.toUpperCase();
if (use !== "IDENTITY" && use !== "RECEIPT") fail("--use is identity or receipt.");

const database = await useDatabase();
const db = createDb({ url: database.url, maxConnections: 2 });
try {
  if (positionals[0] === "rotate") {
    const rotated = await rotateIssuerKey({ db, sealKey: deriveKey(appSecret(), "issuer-keys"), use, immediately: values.immediately, revoke: values.revoke });
    console.log(
      `New ${use} key ${rotated.kid} signs from ${rotated.activatesAt.toISOString()}; ${rotated.retired.length ? `retired ${rotated.retired.join(", ")}${values.revoke ? " (no longer published)" : ""}` : "no key retired"}.`,
    );
  } else if (positionals[0] === "list") {
    const keys = await db.issuerKey.findMany({ orderBy: { activatesAt: "asc" }, select: { kid: true, use: true, activatesAt: true, retiresAt: true, publishUntil: true } });
    const published = new Set((await publishedKeys(db)).keys.map((k) => k.kid));
    for (const k of keys) {
      console.log(
        `${k.kid}  ${k.use.padEnd(8)}  signs ${k.activatesAt.toISOString()} → ${k.retiresAt?.toISOString() ?? "now"}  ${published.has(k.kid) ? `published${k.publishUntil ? ` until ${k.publishUntil.toISOString()}` : ""}` : "not published"}`,
      );
    }
  } else fail("Usage: npm run keys -- list | rotate [--use identity|receipt] [--immediately | --revoke]");
} finally {
  await db.$disconnect();
  await database.stop();
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
