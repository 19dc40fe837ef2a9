import zlib from "node:zlib";
import fc from "fast-check";
import sharp from "sharp";
import type { Fields, Hint, Method, Route } from "./routes.ts";

// fast-check generators of hostile HTTP requests. Each generates a printable recipe (what
// fast-check shows as the counterexample); buildBody() turns it into bytes.

// ---------------------------------------------------------------- strings and JSON values

/** Characters that break naive code: C0/C1 controls, lone surrogates, BOM, bidi override, separators. */
const SPECIAL = [
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000b",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0080",
  "\u0085",
  "\u009f",
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "\ufeff",
  "\ufffe",
  "\uffff",
  "\u202e",
  "\u2028",
  "\u200b",
  "\t",
  "\n",
  "\r",
  '"',
  "\\",
  "%00",
  "'; DROP TABLE app.registration; --",
  "../../",
  "١٢٣٤٥٦",
  "１２３",
];

const specialChar = fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }));

/** A string with control characters, lone surrogates or other trouble in it, or a huge one. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), fc.array(specialChar, { minLength: 1, maxLength: 3 }), fc.string({ maxLength: 12 })).map(([a, cs, b]) => a + cs.join("") + b) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("a", "9", "\u0000", "é", "😀", "\ud800"), fc.integer({ min: 300, max: 20_000 })).map(([c, n]) => c.repeat(n)) },
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.oneof(fc.integer(), nastyString), { maxLength: 3 }),
  fc.dictionary(nastyString, fc.oneof(fc.integer(), nastyString), { maxKeys: 3 }),
);

const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
const base64url = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), minLength: min, maxLength: max });

/** Values that look right for a field, so the fuzz gets past the first check and into the next. */
const PLAUSIBLE: Record<Hint, fc.Arbitrary<string>> = {
  nik: fc.oneof(
    digits(16),
    digits(5).map((d) => `64720${d}00000001`.slice(0, 16)),
    fc.constantFrom("6472 0517 0885 0000", "647205170885000", "64720517088500011"),
  ),
  email: fc.oneof(fc.constantFrom("uji@contoh.id", "a@b", "@", "uji@@contoh.id"), fc.emailAddress()),
  phone: fc.oneof(
    digits(12).map((d) => `08${d.slice(2)}`),
    fc.constantFrom("+62 812 3456 7890", "0812-3456-7890", "08"),
  ),
  pin: fc.oneof(digits(6), fc.constantFrom("٣٣٣٣٣٣", "１２３４５６", "12345", "1234567")),
  token: base64url(43, 43),
  base64url: base64url(0, 220),
  jws: fc.tuple(base64url(1, 40), base64url(1, 80), base64url(0, 60)).map((parts) => parts.join(".")),
  uuid: fc.uuid().map(String),
  nip: digits(18),
  password: fc.string({ maxLength: 40 }),
  counter: fc.oneof(fc.constantFrom("SMD-01", "PDG-01", "SMD-01 ", "smd-01"), fc.string({ maxLength: 20 })),
  text: fc.string({ maxLength: 60 }),
  enum: fc.constantFrom(
    "public-key",
    "EC",
    "P-256",
    "APPROVED",
    "REFUSED",
    "FACE_MISMATCH",
    "OTHER",
    "DEVICE",
    "PIN",
    "CANCEL",
    "FACE_IN_PERSON",
    "approved",
    "APPROVE",
    "SUSPEND",
    "DISABLE",
    "RESET_PASSKEYS",
    "bank",
    "full",
    "",
  ),
};

/** A plausible value with one hostile character put somewhere in it. */
const spoiled = (hint: Hint) =>
  fc.tuple(PLAUSIBLE[hint], specialChar, fc.nat()).map(([value, c, at]) => {
    const i = value.length ? at % (value.length + 1) : 0;
    return value.slice(0, i) + c + value.slice(i);
  });

const leaf = (hint: Hint): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: PLAUSIBLE[hint] }, { weight: 3, arbitrary: spoiled(hint) }, { weight: 2, arbitrary: nastyString }, { weight: 2, arbitrary: wrongType });

/** An object shaped like the route's schema (any subset of its fields), sometimes with hostile extra keys. */
export function shaped(fields: Fields): fc.Arbitrary<unknown> {
  const model = Object.fromEntries(
    Object.entries(fields).map(([key, hint]) => [key, typeof hint === "string" ? leaf(hint) : fc.oneof({ weight: 3, arbitrary: shaped(hint) }, { weight: 1, arbitrary: wrongType })]),
  );
  return fc
    .tuple(fc.record(model, { requiredKeys: [] }), fc.option(fc.dictionary(nastyString, fc.oneof(nastyString, wrongType), { minKeys: 1, maxKeys: 3 }), { freq: 3 }))
    .map(([known, extra]) => (extra ? { ...extra, ...known } : known));
}

/** Any JSON value, with hostile strings as values and as keys. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    nastyString,
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(nastyString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

// ---------------------------------------------------------------- bodies

/** JSON texts that JSON.stringify never writes. */
const TRICKY_JSON = [
  "",
  " ",
  "{",
  "}",
  "[",
  "null",
  "[]",
  "{}",
  '"x"',
  "0",
  "-0",
  "1e999",
  "-1e999",
  "123456789012345678901234567890",
  '{"nik":1e999}',
  '{"nik":"6472051708850001","nik":null}',
  '{"__proto__":{"nik":"6472051708850001"}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"nik":"\\u0000"}',
  '{"\\u0000":1}',
  '{"a":"\\ud800"}',
  '{"a":"\\udc00\\ud800"}',
  '{"nik":"6472051708850001"} trailing',
  "{\"nik\":'6472051708850001'}",
  '{nik:"6472051708850001"}',
  '{"a":1,}',
  "[1,]",
  '"\\x41"',
  "NaN",
  "Infinity",
  '{"a":"' + "\\u0000".repeat(2000) + '"}',
];

export type Encoding = "utf8" | "bom" | "utf16le" | "latin1" | "inject" | "truncate";

export type BodyRecipe =
  | { kind: "none" }
  | { kind: "json"; value: unknown; encoding: Encoding; at: number; byte: number[] }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: number[] }
  | { kind: "deep"; depth: number; shape: "array" | "object" | "mixed" }
  | { kind: "huge"; bytes: number; fill: "json" | "zero" | "a" };

const encoding = fc.constantFrom<Encoding>("utf8", "utf8", "utf8", "utf8", "bom", "utf16le", "latin1", "inject", "truncate");
/** Byte sequences that are not UTF-8: a CESU-8 surrogate, an overlong '.', a stray continuation, 0xFF, raw controls. */
const badBytes = fc.oneof(
  fc.constantFrom<number[]>([0xed, 0xa0, 0x80], [0xc0, 0xae], [0x80], [0xff], [0xfe, 0xff], [0xf4, 0x90, 0x80, 0x80]),
  fc.integer({ min: 0, max: 0x1f }).map((b) => [b]),
);

const jsonBody = (value: fc.Arbitrary<unknown>) => fc.record({ kind: fc.constant("json" as const), value, encoding, at: fc.nat(), byte: badBytes });

/** Sizes around the route's limit (only over it with `over`), and a few far above it. */
const hugeBody = (limit: number, { over = false } = {}) =>
  fc.record({
    kind: fc.constant("huge" as const),
    bytes: fc.oneof(fc.integer({ min: over ? limit + 1 : limit - 8, max: limit + 8 }), fc.integer({ min: limit + 1, max: limit + Math.min(2 * limit, 256 * 1024) })),
    fill: fc.constantFrom<"json" | "zero" | "a">("json", "zero", "a"),
  });

export function bodyFor(route: Route, method: Method): fc.Arbitrary<BodyRecipe> {
  const handling = route.methods[method];
  const limit = handling?.maxBytes ?? 16 * 1024;
  const fields = handling?.input === "json" ? handling.fields : undefined;
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
    { weight: fields ? 10 : 2, arbitrary: jsonBody(fields ? shaped(fields) : anyJson) },
    { weight: 3, arbitrary: jsonBody(anyJson) },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY_JSON).map((text) => ({ kind: "text" as const, text })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }).map((b) => ({ kind: "bytes" as const, bytes: [...b] })) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("deep" as const),
        depth: fc.oneof(fc.integer({ min: 10, max: 200 }), fc.integer({ min: 1000, max: 40_000 })),
        shape: fc.constantFrom<"array" | "object" | "mixed">("array", "object", "mixed"),
      }),
    },
    { weight: 1, arbitrary: hugeBody(limit) },
  );
}

export function buildBody(recipe: BodyRecipe): Buffer | undefined {
  switch (recipe.kind) {
    case "none":
      return undefined;
    case "text":
      return Buffer.from(recipe.text);
    case "bytes":
      return Buffer.from(recipe.bytes);
    case "deep": {
      const open = recipe.shape === "array" ? "[" : recipe.shape === "object" ? '{"a":' : '[{"a":';
      const close = recipe.shape === "array" ? "]" : recipe.shape === "object" ? "}" : "}]";
      const depth = recipe.shape === "mixed" ? Math.ceil(recipe.depth / 2) : recipe.depth;
      return Buffer.from(open.repeat(depth) + "1" + close.repeat(depth));
    }
    case "huge": {
      if (recipe.fill === "zero") return Buffer.alloc(recipe.bytes);
      if (recipe.fill === "a") return Buffer.alloc(recipe.bytes, "a");
      const inner = Math.max(0, recipe.bytes - 10);
      return Buffer.from(`{"nik":"${"1".repeat(inner)}"}`);
    }
    case "json": {
      const text = JSON.stringify(recipe.value) ?? "null";
      switch (recipe.encoding) {
        case "utf8":
          return Buffer.from(text);
        case "bom":
          return Buffer.from(`\ufeff${text}`);
        case "utf16le":
          return Buffer.from(text, "utf16le");
        case "latin1":
          return Buffer.from(text, "latin1");
        case "truncate":
          return Buffer.from(text).subarray(0, recipe.at % (Buffer.byteLength(text) + 1));
        case "inject": {
          const bytes = Buffer.from(text);
          const at = recipe.at % (bytes.length + 1);
          return Buffer.concat([bytes.subarray(0, at), Buffer.from(recipe.byte), bytes.subarray(at)]);
        }
      }
    }
  }
}

// ---------------------------------------------------------------- images

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "IMAGE/JPEG", "image/jpeg; charset=binary", "image/png ; q=1"];
const NOT_IMAGE_TYPES = ["image/gif", "image/svg+xml", "image/jpeg2000", "application/octet-stream", "application/json", "text/plain", "multipart/form-data; boundary=x", ""];

export type ImageRecipe =
  | { kind: "random"; bytes: number[] }
  | { kind: "magic"; magic: "jpeg" | "png" | "webp" | "gif"; bytes: number[] }
  | { kind: "truncated"; keep: number }
  | { kind: "flipped"; at: number[]; xor: number }
  | { kind: "blank"; width: number; height: number; format: "png" | "jpeg" | "webp" }
  | { kind: "bomb"; width: number; height: number };

const MAGIC = { jpeg: [0xff, 0xd8, 0xff, 0xe0], png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], webp: [...Buffer.from("RIFF\0\0\0\0WEBPVP8 ")], gif: [...Buffer.from("GIF89a")] };

/** Image-ish bytes: noise, real headers over noise, a real photo cut short or bit-flipped, faceless pictures, a pixel bomb. */
export const imageRecipe: fc.Arbitrary<ImageRecipe> = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 2048 }).map((b) => ({ kind: "random" as const, bytes: [...b] })) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("magic" as const),
      magic: fc.constantFrom<"jpeg" | "png" | "webp" | "gif">("jpeg", "png", "webp", "gif"),
      bytes: fc.uint8Array({ maxLength: 512 }).map((b) => [...b]),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("truncated" as const), keep: fc.integer({ min: 1, max: 20_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("flipped" as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), xor: fc.integer({ min: 1, max: 255 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("blank" as const),
      width: fc.integer({ min: 1, max: 64 }),
      height: fc.integer({ min: 1, max: 64 }),
      format: fc.constantFrom<"png" | "jpeg" | "webp">("png", "jpeg", "webp"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bomb" as const), width: fc.constantFrom(20_000, 65_535, 1_000_000), height: fc.constantFrom(20_000, 65_535) }) },
);

export const imageType = fc.constantFrom(...IMAGE_TYPES);
export const notImageType = fc.constantFrom(...NOT_IMAGE_TYPES);

/** Turns an image recipe into bytes; `photo` is a real JPEG of a face to cut short or damage. */
export async function buildImage(recipe: ImageRecipe, photo: Buffer): Promise<Buffer> {
  switch (recipe.kind) {
    case "random":
      return Buffer.from(recipe.bytes);
    case "magic":
      return Buffer.from([...MAGIC[recipe.magic], ...recipe.bytes]);
    case "truncated":
      return photo.subarray(0, 1 + (recipe.keep % (photo.length - 1)));
    case "flipped": {
      const copy = Buffer.from(photo);
      for (const at of recipe.at) copy[at % copy.length]! ^= recipe.xor;
      return copy;
    }
    case "blank": {
      const picture = sharp({ create: { width: recipe.width, height: recipe.height, channels: 3, background: "#8a8f99" } });
      return recipe.format === "png" ? picture.png().toBuffer() : recipe.format === "jpeg" ? picture.jpeg().toBuffer() : picture.webp().toBuffer();
    }
    case "bomb":
      return pngHeader(recipe.width, recipe.height);
  }
}

/** A PNG that only declares its size (signature, IHDR, an empty IDAT, IEND): decoders must not trust it. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from(MAGIC.png), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(Buffer.alloc(64))), chunk("IEND", Buffer.alloc(0))]);
}

// ---------------------------------------------------------------- request line and headers

const pct = (bytes: Iterable<number>) => [...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");

/**
 * A path segment as it goes on the request line: escaped bytes, raw ASCII, broken escapes, long ones.
 * Raw bytes above 0x7F are left out: Node's HTTP parser refuses them (bare 400) before any app code.
 */
export const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 24 }).map(pct) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 16 }).map((s) => pct(Buffer.from(s))) },
  { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 24 }).filter((s) => !/[/?#]/.test(s)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "%zz",
      "%",
      "%E0%A4%A",
      "%C0%AE",
      "%ED%A0%80",
      "%FF",
      "%00",
      "%2F",
      "%2e%2e",
      "..",
      ".",
      "%u0000",
      "%25",
      "%0A",
      "%0D%0A",
      "00000000-0000-4000-8000-000000000000",
      "6472051708850000",
      "1371014211909999",
      "selfie",
      "ektp",
      "SELFIE",
      "reset",
      "",
    ),
  },
  { weight: 1, arbitrary: fc.uuid().map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 3000 }).map((n) => "9".repeat(n)) },
);

/** A header value Node will send: printable ASCII, tab and Latin-1. */
const headerText = fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(9)).map((c) => String.fromCharCode(c)), maxLength: 60 });

export const jsonType = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  { weight: 4, arbitrary: fc.constantFrom("application/json; charset=utf-8", "application/problem+json", "APPLICATION/JSON", "application/json;charset=utf-16", "application/vnd.api+json") },
  { weight: 3, arbitrary: fc.constantFrom("text/plain", "text/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=----x", "image/jpeg", "application/jsonp", "json", "") },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: headerText },
);

export interface Noise {
  query: string | null;
  acceptLanguage: string | null;
  cookie: string | null;
  forwardedFor: string | null;
  forgedClientIp: string | null;
}

/** Headers and a query a client might add: all must be harmless. */
export const noise: fc.Arbitrary<Noise> = fc.record({
  query: fc.option(
    fc.oneof(
      segment.map((s) => `x=${s}`),
      fc.constantFrom("lang=en", "nik=6472051708850001", "a=%zz", "=&&="),
    ),
    { freq: 4 },
  ),
  acceptLanguage: fc.option(fc.oneof(fc.constantFrom("en", "id", "en-US,en;q=0.9", "*", ";q=", "xx-" + "a".repeat(200)), headerText), { freq: 3 }),
  cookie: fc.option(
    fc
      .tuple(
        fc.constantFrom("lang", "ktp_daftar", "ktp_sesi", "ktp_loket", "__Host-ktp_sesi", "x"),
        headerText.map((v) => v.replace(/[;,\s]/g, "")),
      )
      .map(([k, v]) => `${k}=${v}`),
    { freq: 3 },
  ),
  forwardedFor: fc.option(fc.oneof(fc.ipV4(), fc.ipV6(), headerText), { freq: 4 }),
  forgedClientIp: fc.option(fc.ipV4(), { freq: 8 }),
});

export interface RequestRecipe {
  method: Method;
  params: string[];
  contentType: string | null;
  body: BodyRecipe | ImageRecipe | null;
  image: boolean;
  chunks: number[] | null;
  noise: Noise;
}

export const chunking = fc.option(fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 4 }), { freq: 3 });

// ---------------------------------------------------------------- whole requests

const PARAM: Record<string, fc.Arbitrary<string>> = {
  nik: fc.oneof({ weight: 2, arbitrary: PLAUSIBLE.nik.map((s) => pct(Buffer.from(s))) }, { weight: 3, arbitrary: segment }),
  id: fc.oneof({ weight: 2, arbitrary: PLAUSIBLE.uuid }, { weight: 3, arbitrary: segment }),
  which: fc.oneof({ weight: 2, arbitrary: fc.constantFrom("selfie", "ektp") }, { weight: 3, arbitrary: segment }),
  list: fc.oneof({ weight: 2, arbitrary: fc.constantFrom("1", "0", "2", "01", "99999") }, { weight: 3, arbitrary: segment }),
  staffId: fc.oneof({ weight: 2, arbitrary: PLAUSIBLE.uuid }, { weight: 3, arbitrary: segment }),
  prefix: fc.oneof({ weight: 2, arbitrary: base64url(10, 10) }, { weight: 3, arbitrary: segment }),
};

/** Paths under /api/ that no route serves (the catch-all's); "." and ".." are left out, as URL normalisation resolves them. */
const unknownPath = fc
  .tuple(
    fc.constantFrom("nope", "v2", "admin", "registrations/current/nope", "session/nope", "counter/nope", "residents/6472051708850000/nope", "siak/v1/nik"),
    fc.array(
      segment.filter((s) => s !== "." && s !== ".."),
      { maxLength: 2 },
    ),
  )
  .map(([head, rest]) => [head, ...rest].join("/"));

export interface RequestOptions {
  /** Methods this role may send to the route. */
  methods: readonly Method[];
  /** For the selfie route: only bodies refused before the upload is counted. */
  uncountedImagesOnly?: boolean;
}

export function requestFor(route: Route, { methods, uncountedImagesOnly = false }: RequestOptions): fc.Arbitrary<RequestRecipe> {
  const served = methods.filter((m) => route.methods[m]);
  const method = fc.oneof(
    // Mostly the methods the route serves; the others (a 405 each) a third of the time.
    ...served.map((m) => ({ weight: Math.ceil(12 / served.length), arbitrary: fc.constant(m) })),
    ...methods.filter((m) => !route.methods[m]).map((m) => ({ weight: 1, arbitrary: fc.constant(m) })),
  );
  const names = route.path === "*" ? ["*"] : [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params = fc.tuple(...names.map((name) => (name === "*" ? unknownPath : PARAM[name]!)));
  return fc.tuple(method, params).chain(([m, ps]) => {
    const input = route.methods[m]?.input ?? "none";
    const noBody = m === "GET" || m === "HEAD" || m === "OPTIONS";
    if (input === "image") {
      const refusedBeforeCounting = fc.oneof(
        { weight: 4, arbitrary: fc.record({ contentType: fc.option(notImageType, { freq: 8 }), body: imageRecipe.map((r) => r as BodyRecipe | ImageRecipe | null), image: fc.constant(true) }) },
        { weight: 2, arbitrary: fc.record({ contentType: imageType.map((t) => t as string | null), body: fc.constant(null), image: fc.constant(true) }) },
        // Over 4 MiB: costly to send, so rarer.
        {
          weight: 1,
          arbitrary: fc.record({
            contentType: imageType.map((t) => t as string | null),
            body: hugeBody(route.methods[m]!.maxBytes!, { over: true }).map((r) => r as BodyRecipe | ImageRecipe | null),
            image: fc.constant(false),
          }),
        },
      );
      const any = fc.oneof(
        refusedBeforeCounting,
        fc.record({ contentType: imageType.map((t) => t as string | null), body: imageRecipe.map((r) => r as BodyRecipe | ImageRecipe | null), image: fc.constant(true) }),
      );
      return fc
        .record({ method: fc.constant(m), params: fc.constant(ps), parts: uncountedImagesOnly ? refusedBeforeCounting : any, chunks: chunking, noise })
        .map(({ parts, ...rest }) => ({ ...rest, ...parts }));
    }
    return fc.record({
      method: fc.constant(m),
      params: fc.constant(ps),
      contentType: jsonType,
      body: noBody ? fc.constant(null) : bodyFor(route, m).map((b) => b as BodyRecipe | ImageRecipe | null),
      image: fc.constant(false),
      chunks: chunking,
      noise,
    });
  });
}
