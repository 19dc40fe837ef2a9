import argon2 from "argon2";
import type pg from "pg";
import { PIN_HASH_OPTIONS } from "../../packages/core/src/server/activation/set-pin.ts";

// Counters and officers for demos and manual testing; the README lists them. End-to-end tests
// create their own.

export const DEMO_COUNTERS = [
  { code: "SMD-01", name: "Loket 1 · Disdukcapil Kota Samarinda" },
  { code: "SMD-02", name: "Loket 2 · Disdukcapil Kota Samarinda" },
  { code: "PDG-01", name: "Loket 1 · Disdukcapil Kota Padang" },
] as const;

export const DEMO_OFFICERS = [
  { nip: "198703152010012001", nama: "RATNA SARI DEWI", password: "loket-samarinda" },
  { nip: "199001022015011003", nama: "ANDI PRATAMA", password: "loket-padang" },
] as const;

/** Adds the demo counters and officers unless they exist (the app schema survives re-seeding). */
export async function insertDemoOfficers(client: pg.Client) {
  for (const { code, name } of DEMO_COUNTERS) {
    await client.query("INSERT INTO app.counter (id, code, name) VALUES (gen_random_uuid(), $1, $2) ON CONFLICT (code) DO NOTHING", [code, name]);
  }
  for (const { nip, nama, password } of DEMO_OFFICERS) {
    const hash = await argon2.hash(password, PIN_HASH_OPTIONS);
    await client.query("INSERT INTO app.officer (id, nip, nama, password_hash) VALUES (gen_random_uuid(), $1, $2, $3) ON CONFLICT (nip) DO NOTHING", [nip, nama, hash]);
  }
}
