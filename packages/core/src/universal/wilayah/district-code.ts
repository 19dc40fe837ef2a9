import { PACKED_DISTRICT_CODES } from "./district-codes.ts";

let districtCodes: Set<string> | undefined;

/** True when `code` (six digits, e.g. "647205") is a kecamatan in Kemendagri's current list. */
export function isKnownDistrictCode(code: string): boolean {
  districtCodes ??= unpack(PACKED_DISTRICT_CODES);
  return districtCodes.has(code);
}

/** "647205" -> "64.72.05", the form Kemendagri prints and siak.kecamatan stores. */
export function formatDistrictCode(code: string): string {
  return `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4, 6)}`;
}

function unpack(packed: string): Set<string> {
  const codes = new Set<string>();
  for (const group of packed.split(" ")) {
    const regency = group.slice(0, 4);
    for (let i = 4; i < group.length; i += 2) codes.add(regency + group.slice(i, i + 2));
  }
  return codes;
}
