import { createReadStream, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

// Kemendagri's codes and names come from the idn-area-data package (MIT), loaded as they are.

const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve("idn-area-data/package.json")), "data");

const TABLES = [
  ["provinces.csv", "siak.provinsi (kode, nama)"],
  ["regencies.csv", "siak.kabupaten (kode, provinsi_kode, nama)"],
  ["districts.csv", "siak.kecamatan (kode, kabupaten_kode, nama)"],
  ["villages.csv", "siak.desa (kode, kecamatan_kode, nama)"],
] as const;

export async function loadWilayah(client: pg.Client): Promise<void> {
  for (const [file, target] of TABLES) {
    await pipeline(
      createReadStream(path.join(dataDir, file)),
      client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
  }
}

export interface Village {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  regencyCode: string;
  regencyName: string;
  provinceCode: string;
}

/** Villages grouped by province then regency, for picking where a household lives. */
export function readVillages(): Map<string, Map<string, Village[]>> {
  const names = (file: string) =>
    new Map(parseCsv(file).map(([code, , name]) => [code!, name!] as const));
  const districts = names("districts.csv");
  const regencies = names("regencies.csv");
  const byProvince = new Map<string, Map<string, Village[]>>();
  for (const [code, districtCode, name] of parseCsv("villages.csv")) {
    const regencyCode = districtCode!.slice(0, 5);
    const provinceCode = districtCode!.slice(0, 2);
    const village: Village = {
      code: code!,
      name: name!,
      districtCode: districtCode!,
      districtName: districts.get(districtCode!)!,
      regencyCode,
      regencyName: regencies.get(regencyCode)!,
      provinceCode,
    };
    let province = byProvince.get(provinceCode);
    if (!province) byProvince.set(provinceCode, (province = new Map<string, Village[]>()));
    let regency = province.get(regencyCode);
    if (!regency) province.set(regencyCode, (regency = []));
    regency.push(village);
  }
  return byProvince;
}

function parseCsv(file: string): string[][] {
  const rows: string[][] = [];
  for (const line of readFileSync(path.join(dataDir, file), "utf8").split("\n").slice(1)) {
    if (!line) continue;
    const fields: string[] = [];
    // Fields are plain, or quoted with "" for a quote (e.g. Ra"as).
    for (const match of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
      const raw = match[1]!;
      fields.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
      if (match[2] === "") break;
    }
    rows.push(fields);
  }
  return rows;
}
