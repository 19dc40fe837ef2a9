import { generateKeyPairSync, sign, verify } from "node:crypto";
import { decode as fromBase45, encode as toBase45 } from "@digitalbazaar/base45";
import { Encoder, Tag } from "cbor-x";
import fc from "fast-check";
import { deflateSync, inflateSync } from "fflate";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { TOKEN_DICTIONARY } from "./dictionary.ts";
import { sharedFields } from "./purposes.ts";
import { encodePresentation, parsePresentation, type PresentationClaims, QR_PREFIX, TokenFormatError } from "./token.ts";

const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const key = { kid: "AAECAwQF", sign: (data: Uint8Array) => new Uint8Array(sign(null, data, privateKey)) };
const cbor = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false, variableMapSize: true });

const claims = (over: Partial<PresentationClaims> = {}): PresentationClaims => ({
  iss: "https://ktp-digital.id",
  sub: new Uint8Array(8).fill(1),
  pid: new Uint8Array(8).fill(2),
  purpose: "bank",
  iat: 1_780_000_000,
  exp: 1_780_000_120,
  status: { list: 1, idx: 1_048_575 },
  fields: {
    nik: "6472051708850001",
    nama: "SITI NURHALIZA BINTI ABDULLAH",
    tempatLahir: "SAMARINDA",
    tanggalLahir: "1985-08-17",
    alamat: "JL. PANGERAN ANTASARI GG. MAKMUR NO. 27",
    rtRw: "012/004",
    kelurahanDesa: "AIR PUTIH",
    kecamatan: "SAMARINDA ULU",
    kabupatenKota: "KOTA SAMARINDA",
    provinsi: "KALIMANTAN TIMUR",
  },
  ...over,
});

describe("identity token", () => {
  it("round-trips every claim, and its signature verifies over the COSE Sig_structure", async () => {
    const qr = await encodePresentation(claims(), key);
    expect(qr.startsWith(QR_PREFIX)).toBe(true);
    expect(qr).toMatch(/^[0-9A-Z $%*+\-./:]+$/); // the QR's alphanumeric alphabet only
    const parsed = parsePresentation(qr);
    expect(parsed.kid).toBe(key.kid);
    expect(parsed.claims).toEqual({ ...claims(), fields: { ...claims().fields, nikMasked: "6472********0001", ageOver17: true } });
    expect(verify(null, parsed.signed, publicKey, parsed.signature)).toBe(true);
    // The Sig_structure written out by hand is what a CBOR encoder makes of RFC 9052's array.
    const sign1 = cbor.decode(inflateSync(fromBase45(qr.slice(QR_PREFIX.length)), { dictionary: TOKEN_DICTIONARY })) as Tag;
    const [protectedHeader, , payload] = sign1.value as Uint8Array[];
    expect(sign1.tag).toBe(18);
    expect(Buffer.from(parsed.signed).equals(Buffer.from(cbor.encode(["Signature1", protectedHeader, new Uint8Array(0), payload])))).toBe(true);
  });

  it("fits a version 13 QR at error correction M for the bank purpose, with long Indonesian names", async () => {
    const qr = await encodePresentation(claims(), key);
    expect(QRCode.create(qr, { errorCorrectionLevel: "M" }).version).toBeLessThanOrEqual(13);
  });

  it("signs every claim: flipping any byte of the signed token breaks the signature or the format", async () => {
    const qr = await encodePresentation(claims(), key);
    // The COSE bytes themselves: DEFLATE has bits that change nothing once decompressed.
    const bytes = inflateSync(fromBase45(qr.slice(QR_PREFIX.length)), { dictionary: TOKEN_DICTIONARY });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const tampered = bytes.slice();
        tampered[at]! ^= xor;
        try {
          const parsed = parsePresentation(QR_PREFIX + toBase45(deflateSync(tampered, { dictionary: TOKEN_DICTIONARY })));
          return !verify(null, parsed.signed, publicKey, parsed.signature);
        } catch (error) {
          return error instanceof TokenFormatError;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("never takes garbage for a token: flipped bits of the QR are a format error, a bad signature, or the very same token", async () => {
    const qr = await encodePresentation(claims(), key);
    const original = parsePresentation(qr);
    const bytes = fromBase45(qr.slice(QR_PREFIX.length));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const tampered = bytes.slice();
        tampered[at]! ^= xor;
        try {
          const parsed = parsePresentation(QR_PREFIX + toBase45(tampered));
          return !verify(null, parsed.signed, publicKey, parsed.signature) || Buffer.from(parsed.signed).equals(Buffer.from(original.signed));
        } catch (error) {
          return error instanceof TokenFormatError;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses any algorithm but EdDSA, so alg none or HMAC never reaches a key", async () => {
    for (const alg of [undefined, 0, 5, -7]) {
      const header = cbor.encode(
        new Map<number, unknown>(
          alg === undefined
            ? [[4, new Uint8Array(6)]]
            : [
                [1, alg],
                [4, new Uint8Array(6)],
              ],
        ),
      );
      const sign1 = cbor.encode(new Tag([header, new Map(), cbor.encode(new Map()), new Uint8Array(64)], 18));
      expect(() => parsePresentation(QR_PREFIX + toBase45(deflateSync(sign1, { dictionary: TOKEN_DICTIONARY }))), String(alg)).toThrow(/EdDSA/);
    }
  });

  it("derives the masked NIK and the age from the NIK and the date of birth it carries", async () => {
    const { claims: read } = parsePresentation(await encodePresentation(claims({ fields: { nik: "6472051708850001", tanggalLahir: "2009-12-03" }, iat: Date.UTC(2026, 11, 2, 17, 0) / 1000 }), key));
    expect(read.fields).toMatchObject({ nikMasked: "6472********0001", ageOver17: true }); // 3 Dec, 00:00 WIB: 17 today
    const dayBefore = parsePresentation(await encodePresentation(claims({ fields: { tanggalLahir: "2009-12-03" }, iat: Date.UTC(2026, 11, 2, 16, 59) / 1000 }), key)); // 2 Dec, 23:59 WIB
    expect(dayBefore.claims.fields.ageOver17).toBe(false);
  });

  it("stops a decompression bomb at 2 kB", () => {
    expect(() => parsePresentation(QR_PREFIX + toBase45(deflateSync(new Uint8Array(1 << 20))))).toThrow(TokenFormatError);
  });

  it("refuses a field its purpose does not disclose, even in a validly signed token", async () => {
    const qr = await encodePresentation(claims({ purpose: "age17", fields: { ageOver17: true, nik: "6472051708850001" } }), key);
    expect(() => parsePresentation(qr)).toThrow(/does not disclose/);
  });

  it("never throws anything but TokenFormatError on garbage", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.uint8Array().map((b) => QR_PREFIX + toBase45(b)),
          fc.string().map((s) => QR_PREFIX + s),
        ),
        (text) => {
          try {
            parsePresentation(text);
            return false;
          } catch (error) {
            return error instanceof TokenFormatError;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("consent intersection", () => {
  it("gives the verifier what both allow, and names what the citizen withheld", () => {
    expect(sharedFields("bank", "airport")).toEqual({ fields: ["nama", "nikMasked", "photo"], withheld: [] });
    expect(sharedFields("age17", "bank")).toEqual({ fields: ["ageOver17", "photo"], withheld: expect.arrayContaining(["nama", "nik", "alamat"]) });
    expect(sharedFields("full", "age17")).toEqual({ fields: ["ageOver17", "photo"], withheld: [] });
    expect(sharedFields("airport", "age17")).toEqual({ fields: ["photo"], withheld: ["ageOver17"] });
  });
});
