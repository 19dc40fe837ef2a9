import { PACKED_DISTRICT_CODES } from "./district-codes.ts";

let districtCodes: Set<string> | undefined;

/** True when `code` (six digits, e.g. "647205") is a kecamatan in Kemendagri's current list. */
export function isKnownDistrictCode(code: string): boolean {
  districtCodes ??= unpack(PACKED_DISTRICT_CODES);
  return districtCodes.has(code);
}

function unpack(packed: string): Set<string> {
  const codes = new Set<string>();
  for (const group of packed.split(" ")) {
    const regency = group.slice(0, 4);
    for (let i = 4; i < group.length; i += 2) codes.add(regency + group.slice(i, i + 2));
  }
  return codes;
}
