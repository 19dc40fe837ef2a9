// Plausible shares for a synthetic population. Province weights are rounded 2023 population
// figures in millions, used only to decide where synthetic households live.

export const PROVINCE_WEIGHTS: readonly (readonly [string, number])[] = [
  ["11", 5.4], ["12", 15.4], ["13", 5.6], ["14", 6.6], ["15", 3.6], ["16", 8.7], ["17", 2.1], ["18", 9.2],
  ["19", 1.5], ["21", 2.1], ["31", 10.7], ["32", 49.4], ["33", 37.5], ["34", 3.7], ["35", 41.4], ["36", 12.3],
  ["51", 4.4], ["52", 5.5], ["53", 5.5], ["61", 5.5], ["62", 2.7], ["63", 4.2], ["64", 3.9], ["65", 0.7],
  ["71", 2.7], ["72", 3.1], ["73", 9.4], ["74", 2.7], ["75", 1.2], ["76", 1.4], ["81", 1.9], ["82", 1.3],
  ["91", 1.0], ["92", 0.6], ["93", 0.5], ["94", 1.4], ["95", 1.4], ["96", 0.6],
];

type Agama = "ISLAM" | "KRISTEN" | "KATOLIK" | "HINDU" | "BUDDHA" | "KONGHUCU" | "KEPERCAYAAN";
const NATIONAL: readonly (readonly [Agama, number])[] = [
  ["ISLAM", 87], ["KRISTEN", 7.4], ["KATOLIK", 3.1], ["HINDU", 1.7], ["BUDDHA", 0.7], ["KONGHUCU", 0.05], ["KEPERCAYAAN", 0.05],
];
export const RELIGION_BY_PROVINCE: Record<string, readonly (readonly [Agama, number])[]> = {
  "51": [["HINDU", 86], ["ISLAM", 10], ["KRISTEN", 2], ["KATOLIK", 1], ["BUDDHA", 1]],
  "53": [["KATOLIK", 53], ["KRISTEN", 36], ["ISLAM", 10], ["HINDU", 1]],
  "71": [["KRISTEN", 63], ["ISLAM", 31], ["KATOLIK", 5], ["HINDU", 1]],
  "91": [["KRISTEN", 66], ["ISLAM", 16], ["KATOLIK", 18]],
  "94": [["KRISTEN", 70], ["KATOLIK", 25], ["ISLAM", 5]],
  "95": [["KRISTEN", 75], ["KATOLIK", 22], ["ISLAM", 3]],
};
export const religionsFor = (province: string) => RELIGION_BY_PROVINCE[province] ?? NATIONAL;

export const BLOOD_TYPES = [["O", 37], ["B", 28], ["A", 24], ["AB", 7], ["TIDAK_TAHU", 4]] as const;

export const ADULT_OCCUPATIONS: readonly (readonly [string, number])[] = [
  ["WIRASWASTA", 18], ["KARYAWAN SWASTA", 18], ["PETANI/PEKEBUN", 15], ["BURUH HARIAN LEPAS", 9], ["PEDAGANG", 7],
  ["NELAYAN/PERIKANAN", 2], ["PEGAWAI NEGERI SIPIL", 4], ["GURU", 2], ["KARYAWAN BUMN", 1.5], ["TENTARA NASIONAL INDONESIA", 0.6],
  ["KEPOLISIAN RI", 0.6], ["PERAWAT", 0.6], ["DOKTER", 0.2], ["SOPIR", 2], ["BELUM/TIDAK BEKERJA", 6],
];
export const CIVIL_SERVANT_OCCUPATIONS = new Set(["PEGAWAI NEGERI SIPIL", "GURU"]);
export const SALARIED_OCCUPATIONS = new Set([
  "KARYAWAN SWASTA", "PEGAWAI NEGERI SIPIL", "GURU", "KARYAWAN BUMN", "TENTARA NASIONAL INDONESIA", "KEPOLISIAN RI", "PERAWAT", "DOKTER",
]);

export const STREETS = [
  "MERDEKA", "JENDERAL SUDIRMAN", "DIPONEGORO", "AHMAD YANI", "GATOT SUBROTO", "PAHLAWAN", "VETERAN", "GAJAH MADA",
  "HAYAM WURUK", "IMAM BONJOL", "TEUKU UMAR", "KARTINI", "PEMUDA", "CENDRAWASIH", "MELATI", "MAWAR", "ANGGREK",
  "KENANGA", "FLAMBOYAN", "CEMPAKA", "PATTIMURA", "SISINGAMANGARAJA", "SULTAN HASANUDDIN", "IR. H. JUANDA",
  "DR. SUTOMO", "PANGERAN ANTASARI", "HOS COKROAMINOTO", "KH. AGUS SALIM", "SLAMET RIYADI", "BASUKI RAHMAT",
  "SUDIRMAN", "PERINTIS KEMERDEKAAN", "SEROJA", "DAHLIA", "BOUGENVILLE", "KAMBOJA", "NUSANTARA", "PELITA",
  "KESEHATAN", "PENDIDIKAN", "PERTANIAN", "KEBUN RAYA", "RAYA", "SENTOSA", "SEJAHTERA", "DAMAI", "BAHAGIA",
];
export const ADDRESS_KINDS = ["JL.", "JL.", "JL.", "GG.", "KOMPLEKS", "DUSUN", "PERUMAHAN"];

export const VACCINES = ["SINOVAC", "ASTRAZENECA", "PFIZER", "MODERNA", "SINOPHARM", "JANSSEN", "NOVAVAX"];
export const CAR_MAKES = ["TOYOTA", "DAIHATSU", "HONDA", "MITSUBISHI", "SUZUKI", "NISSAN", "WULING", "HYUNDAI"];
export const MOTORCYCLE_MAKES = ["HONDA", "YAMAHA", "SUZUKI", "KAWASAKI", "TVS", "VESPA"];
export const COLOURS = ["HITAM", "PUTIH", "MERAH", "SILVER", "ABU-ABU", "BIRU", "HIJAU"];

/** Plate prefixes (Polri registration regions), one per province for synthetic plates. */
export const PLATE_PREFIX: Record<string, string> = {
  "11": "BL", "12": "BK", "13": "BA", "14": "BM", "15": "BH", "16": "BG", "17": "BD", "18": "BE", "19": "BN",
  "21": "BP", "31": "B", "32": "D", "33": "H", "34": "AB", "35": "L", "36": "A", "51": "DK", "52": "DR", "53": "DH",
  "61": "KB", "62": "KH", "63": "DA", "64": "KT", "65": "KU", "71": "DB", "72": "DN", "73": "DD", "74": "DT",
  "75": "DM", "76": "DC", "81": "DE", "82": "DG", "91": "PA", "92": "PB", "93": "PS", "94": "PT", "95": "PG", "96": "PY",
};
