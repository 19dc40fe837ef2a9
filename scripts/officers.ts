// Counters and officers for a real deployment (the demo ones come only with `npm start` / --demo):
//   npm run officers -- add-counter --code SMD-03 --name "Loket 3 · Disdukcapil Kota Samarinda" --dinas 64.72
//   OFFICER_PASSWORD=... npm run officers -- add-officer --nip 198703152010012001 --nama "RATNA SARI DEWI" --dinas 64.72 [--role COUNTER|SUPERVISOR|ADMIN]
// The password comes from the environment, never the command line (shell history, process list).
import { parseArgs } from "node:util";
import { createDb, OfficerRole } from "@ktp/db";
import { useDatabase } from "@ktp/db/embedded";
import { hashPassword } from "@ktp/db/password-hash";
import { scriptEnv } from "./lib/env.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { code: { type: "string" }, name: { type: "string" }, nip: { type: "string" }, nama: { type: "string" }, dinas: { type: "string" }, role: { type: "string", default: "COUNTER" } },
});
const [command] = positionals;
const dinas = values.dinas ?? "";
if (!/^\d{2}\.\d{2}$/.test(dinas)) fail("--dinas must be a kabupaten/kota code like 64.72.");

const database = await useDatabase();
const db = createDb({ url: database.url, maxConnections: 1 });
try {
  if (command === "add-counter") {
    if (!values.code || !/^[A-Z0-9-]{2,16}$/.test(values.code) || !values.name) fail("add-counter needs --code (A-Z, 0-9, -) and --name.");
    await db.counter.create({ data: { code: values.code, name: values.name, kabupatenKode: dinas } });
    console.log(`Counter ${values.code} added to Dinas ${dinas}.`);
  } else if (command === "add-officer") {
    const password = scriptEnv.officerPassword();
    if (!values.nip || !/^\d{18}$/.test(values.nip) || !values.nama) fail("add-officer needs --nip (18 digits) and --nama.");
    if (password.length < 12) fail("Set OFFICER_PASSWORD to a password of 12 characters or more.");
    const role = values.role as OfficerRole;
    if (!Object.values(OfficerRole).includes(role)) fail(`--role must be one of ${Object.values(OfficerRole).join(", ")}.`);
    await db.officer.create({ data: { nip: values.nip, nama: values.nama, passwordHash: await hashPassword(password), kabupatenKode: dinas, role } });
    console.log(`Officer ${values.nama} (${role}) added to Dinas ${dinas}.`);
  } else fail("Usage: npm run officers -- add-counter|add-officer ... (see the top of scripts/officers.ts)");
} finally {
  await db.$disconnect();
  await database.stop();
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
