import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, gunzipSync } from "node:zlib";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

// Kemendagri's codes and names come from idn-area-data's data files (ODbL), kept gzipped in
// wilayah-data/ and loaded as they are (wilayah-data/SOURCES.md).

export const WILAYAH_DATA_DIR = path.join(import.meta.dirname, "wilayah-data");

const TABLES = [
  ["provinces", "siak.provinsi (kode, nama)"],
  ["regencies", "siak.kabupaten (kode, provinsi_kode, nama)"],
  ["districts", "siak.kecamatan (kode, kabupaten_kode, nama)"],
  ["villages", "siak.desa (kode, kecamatan_kode, nama)"],
] as const;

export async function loadWilayah(client: pg.Client): Promise<void> {
  for (const [file, target] of TABLES) {
    await pipeline(createReadStream(csvPath(file)), createGunzip(), client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv, HEADER true)`)));
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
  const names = (file: WilayahFile) => new Map(parseCsv(file).map(([code, , name]) => [code!, name!] as const));
  const districts = names("districts");
  const regencies = names("regencies");
  const byProvince = new Map<string, Map<string, Village[]>>();
  for (const [code, districtCode, name] of parseCsv("villages")) {
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

type WilayahFile = (typeof TABLES)[number][0];

function csvPath(file: WilayahFile): string {
  return path.join(WILAYAH_DATA_DIR, `${file}.csv.gz`);
}

/** The rows of one wilayah file, without its header. */
export function parseCsv(file: WilayahFile): string[][] {
  const rows: string[][] = [];
  for (const line of gunzipSync(readFileSync(csvPath(file)))
    .toString("utf8")
    .split("\n")
    .slice(1)) {
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
