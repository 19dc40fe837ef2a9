import type { AppName } from "./client.ts";

// Every API route of the three apps (apps/*/app/api/**/route.ts), what each method reads, and the
// only cases where it may answer 2xx whatever it is sent. Keep in step with the route files:
// api-fuzz.spec.ts checks that this table names every route file.

export type Role = "signed-out" | "citizen-selfie" | "citizen-pin" | "officer";
export const ROLES: Role[] = ["signed-out", "citizen-selfie", "citizen-pin", "officer"];

export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];

/** The JSON fields a body schema expects: a leaf hint, or nested fields. */
export type Fields = { [key: string]: Hint | Fields };
export type Hint = "nik" | "email" | "phone" | "pin" | "token" | "base64url" | "jws" | "uuid" | "nip" | "password" | "counter" | "text" | "enum";

export interface Handling {
  /** What the handler reads from the request. */
  input: "json" | "image" | "none";
  fields?: Fields;
  /** The route's body limit (readJson's default is 16 KiB). */
  maxBytes?: number;
  /** Roles in which the route takes no input and answers 2xx to anything. */
  succeedsFor?: Role[];
  /** Its success writes rows (so it is fuzzed outside the no-change batches). */
  writes?: boolean;
  /** Roles the method is not fuzzed in, and why. */
  skip?: { roles: Role[]; why: string };
}

export interface Route {
  app: AppName;
  /** Path with `:param` segments; `*` is the catch-all. */
  path: string;
  /** The methods the route file exports as real handlers; every other method answers 405 with a code. */
  methods: Partial<Record<Method, Handling>>;
  /** The route file, relative to the app. */
  file: string;
}

const ALL: Role[] = ROLES;
const CITIZENS: Role[] = ["citizen-selfie", "citizen-pin"];

const NIK = { nik: "nik" } as const;
const CREDENTIAL = {
  id: "base64url",
  rawId: "base64url",
  type: "enum",
  response: { clientDataJSON: "base64url", attestationObject: "base64url", authenticatorData: "base64url", signature: "base64url" },
} as const;
const DEVICE_KEY = { kty: "enum", crv: "enum", x: "base64url", y: "base64url" } as const;

export const ROUTES: Route[] = [
  // citizen
  { app: "citizen", path: "/api/health", file: "app/api/health/route.ts", methods: { GET: { input: "none", succeedsFor: ALL } } },
  { app: "citizen", path: "/api/siak/v1/nik/verify", file: "app/api/siak/v1/nik/verify/route.ts", methods: { POST: { input: "json", fields: NIK } } },
  { app: "citizen", path: "/api/registrations", file: "app/api/registrations/route.ts", methods: { POST: { input: "json", fields: { nik: "nik", email: "email", phone: "phone" } } } },
  {
    app: "citizen",
    path: "/api/registrations/current",
    file: "app/api/registrations/current/route.ts",
    methods: { GET: { input: "none", succeedsFor: CITIZENS }, DELETE: { input: "none", skip: { roles: CITIZENS, why: "it would cancel the fuzzing citizen's registration" } } },
  },
  // Issue 13: correct the contact, and "Lanjutkan di ponsel" (a code the citizen at the selfie makes, a phone claims).
  {
    app: "citizen",
    path: "/api/registrations/current/contact",
    file: "app/api/registrations/current/contact/route.ts",
    // A valid e-mail and phone change the registration and write an audit row: tested in core's registration-flow.test.ts.
    methods: { POST: { input: "json", fields: { email: "email", phone: "phone" }, skip: { roles: CITIZENS, why: "a valid body changes the registration" } } },
  },
  {
    app: "citizen",
    path: "/api/registrations/current/handoff",
    file: "app/api/registrations/current/handoff/route.ts",
    // Any request at the selfie makes a code and an audit row: tested in core's registration-flow.test.ts.
    methods: { POST: { input: "none", skip: { roles: ["citizen-selfie"], why: "every request makes a code" } } },
  },
  { app: "citizen", path: "/api/registrations/handoff", file: "app/api/registrations/handoff/route.ts", methods: { POST: { input: "json", fields: { code: "token" } } } },
  { app: "citizen", path: "/api/registrations/current/selfie", file: "app/api/registrations/current/selfie/route.ts", methods: { POST: { input: "image", maxBytes: 4 * 1024 * 1024 } } },
  { app: "citizen", path: "/api/registrations/current/pin", file: "app/api/registrations/current/pin/route.ts", methods: { POST: { input: "json", fields: { pin: "pin", confirmation: "pin" } } } },
  { app: "citizen", path: "/api/registrations/current/device/options", file: "app/api/registrations/current/device/options/route.ts", methods: { POST: { input: "none" } } },
  {
    app: "citizen",
    path: "/api/registrations/current/device",
    file: "app/api/registrations/current/device/route.ts",
    methods: { POST: { input: "json", maxBytes: 64 * 1024, fields: { credential: CREDENTIAL, deviceKey: DEVICE_KEY, deviceKeySignature: "base64url" } } },
  },
  { app: "citizen", path: "/api/registrations/current/email", file: "app/api/registrations/current/email/route.ts", methods: { POST: { input: "none" } } },
  {
    app: "citizen",
    path: "/api/registrations/current/counter",
    file: "app/api/registrations/current/counter/route.ts",
    methods: { POST: { input: "json", fields: { qr: "jws", deviceKeySignature: "base64url" } } },
  },
  { app: "citizen", path: "/api/activation", file: "app/api/activation/route.ts", methods: { POST: { input: "json", fields: { token: "token" } } } },
  { app: "citizen", path: "/api/session/options", file: "app/api/session/options/route.ts", methods: { POST: { input: "none", succeedsFor: ALL, writes: true } } },
  {
    app: "citizen",
    path: "/api/session/passkey",
    file: "app/api/session/passkey/route.ts",
    methods: { POST: { input: "json", maxBytes: 64 * 1024, fields: { credential: CREDENTIAL, deviceKeySignature: "base64url" } } },
  },
  { app: "citizen", path: "/api/session/pin", file: "app/api/session/pin/route.ts", methods: { POST: { input: "json", fields: { pin: "pin" } } } },
  // Without a signed-in citizen session, signing out changes nothing and answers 204.
  { app: "citizen", path: "/api/session", file: "app/api/session/route.ts", methods: { DELETE: { input: "none", succeedsFor: ALL } } },
  { app: "citizen", path: "/api/kartu/foto", file: "app/api/kartu/foto/route.ts", methods: { GET: { input: "none" } } },
  // No role here has an active KTP Digital: both answer 401.
  { app: "citizen", path: "/api/kartu/qr", file: "app/api/kartu/qr/route.ts", methods: { GET: { input: "none" } } },
  { app: "citizen", path: "/api/kartu/offline", file: "app/api/kartu/offline/route.ts", methods: { POST: { input: "none" } } },
  { app: "citizen", path: "/api/dompet/luring", file: "app/api/dompet/luring/route.ts", methods: { GET: { input: "none" } } },
  // Public yes/no for a credential ID: any well-formed one is answered (false for an unknown one).
  { app: "citizen", path: "/api/dompet/luring/status", file: "app/api/dompet/luring/status/route.ts", methods: { POST: { input: "json", fields: { credentialId: "text" }, succeedsFor: ALL } } },
  { app: "citizen", path: "/api/kartu/kunci", file: "app/api/kartu/kunci/route.ts", methods: { POST: { input: "json", fields: { pin: "pin", locked: "enum" } } } },
  { app: "citizen", path: "/api/riwayat", file: "app/api/riwayat/route.ts", methods: { GET: { input: "none" } } },
  { app: "citizen", path: "/api/akun/pin/options", file: "app/api/akun/pin/options/route.ts", methods: { POST: { input: "none" } } },
  {
    app: "citizen",
    path: "/api/akun/pin",
    file: "app/api/akun/pin/route.ts",
    methods: { POST: { input: "json", maxBytes: 64 * 1024, fields: { passkey: { credential: CREDENTIAL, deviceKeySignature: "base64url" }, oldPin: "pin", newPin: "pin", confirmation: "pin" } } },
  },
  { app: "citizen", path: "/api/akun/bahasa", file: "app/api/akun/bahasa/route.ts", methods: { POST: { input: "json", fields: { locale: "enum" } } } },
  // The same 202 for every well-formed NIK, so the form tells a stranger nothing; no fuzzed NIK has an active KTP Digital, so nothing is written.
  { app: "citizen", path: "/api/ponsel-hilang", file: "app/api/ponsel-hilang/route.ts", methods: { POST: { input: "json", fields: NIK, succeedsFor: ALL } } },
  { app: "citizen", path: "/api/lupa-pin", file: "app/api/lupa-pin/route.ts", methods: { POST: { input: "none" } } },
  { app: "citizen", path: "/api/lupa-pin/swafoto", file: "app/api/lupa-pin/swafoto/route.ts", methods: { POST: { input: "image", maxBytes: 4 * 1024 * 1024 } } },
  { app: "citizen", path: "/api/lupa-pin/selesai", file: "app/api/lupa-pin/selesai/route.ts", methods: { POST: { input: "json", fields: { code: "pin", pin: "pin", confirmation: "pin" } } } },
  { app: "citizen", path: "/api/ponsel-hilang/kunci", file: "app/api/ponsel-hilang/kunci/route.ts", methods: { POST: { input: "json", fields: { token: "token" } } } },
  { app: "citizen", path: "/api/riwayat/:id/laporan", file: "app/api/riwayat/[id]/laporan/route.ts", methods: { POST: { input: "json", fields: { note: "text" } } } },
  // Public; the issuer key it is signed with was made when the app started.
  { app: "citizen", path: "/api/status/:list", file: "app/api/status/[list]/route.ts", methods: { GET: { input: "none", succeedsFor: ALL } } },
  { app: "citizen", path: "*", file: "app/api/[...path]/route.ts", methods: {} },
  // officer
  { app: "officer", path: "/api/health", file: "app/api/health/route.ts", methods: { GET: { input: "none", succeedsFor: ALL } } },
  {
    app: "officer",
    path: "/api/session",
    file: "app/api/session/route.ts",
    methods: {
      POST: { input: "json", fields: { nip: "nip", password: "password", counter: "counter" } },
      GET: { input: "none", succeedsFor: ["officer"] },
      DELETE: { input: "none", succeedsFor: ["signed-out", "citizen-selfie", "citizen-pin"], skip: { roles: ["officer"], why: "it would sign the fuzzing officer out" } },
    },
  },
  { app: "officer", path: "/api/counter/qr", file: "app/api/counter/qr/route.ts", methods: { POST: { input: "none", succeedsFor: ["officer"], writes: true } } },
  { app: "officer", path: "/api/counter/applicants", file: "app/api/counter/applicants/route.ts", methods: { GET: { input: "none", succeedsFor: ["officer"] } } },
  { app: "officer", path: "/api/counter/applicants/:id/photo/:which", file: "app/api/counter/applicants/[id]/photo/[which]/route.ts", methods: { GET: { input: "none" } } },
  {
    app: "officer",
    path: "/api/counter/applicants/:id/decision",
    file: "app/api/counter/applicants/[id]/decision/route.ts",
    methods: { POST: { input: "json", fields: { decision: "enum", reason: "enum", note: "text" } } },
  },
  { app: "officer", path: "/api/residents/:nik", file: "app/api/residents/[nik]/route.ts", methods: { GET: { input: "none" } } },
  {
    app: "officer",
    path: "/api/residents/:nik/reset",
    file: "app/api/residents/[nik]/reset/route.ts",
    methods: { POST: { input: "json", fields: { action: "enum", registrationId: "uuid", note: "text", nik: "nik" } } },
  },
  // The national admin's oversight: the fuzzing officer is a counter officer, refused with OFFICER_FORBIDDEN.
  { app: "officer", path: "/api/verifiers", file: "app/api/verifiers/route.ts", methods: { GET: { input: "none" } } },
  {
    app: "officer",
    path: "/api/verifiers/:id/decision",
    file: "app/api/verifiers/[id]/decision/route.ts",
    methods: { POST: { input: "json", fields: { decision: "enum", purposes: "enum", reason: "text" } } },
  },
  { app: "officer", path: "/api/verifiers/:id/api-keys", file: "app/api/verifiers/[id]/api-keys/route.ts", methods: { POST: { input: "json", fields: { label: "text", purposes: "enum" } } } },
  { app: "officer", path: "/api/verifiers/:id/api-keys/:prefix", file: "app/api/verifiers/[id]/api-keys/[prefix]/route.ts", methods: { DELETE: { input: "none" } } },
  { app: "officer", path: "/api/verifiers/:id/staff", file: "app/api/verifiers/[id]/staff/route.ts", methods: { POST: { input: "json", fields: { email: "email", nama: "text" } } } },
  { app: "officer", path: "/api/verifiers/:id/staff/:staffId", file: "app/api/verifiers/[id]/staff/[staffId]/route.ts", methods: { POST: { input: "json", fields: { action: "enum" } } } },
  { app: "officer", path: "/api/reports", file: "app/api/reports/route.ts", methods: { GET: { input: "none" } } },
  { app: "officer", path: "/api/reports/:id", file: "app/api/reports/[id]/route.ts", methods: { GET: { input: "none" }, POST: { input: "json", fields: { outcome: "text" } } } },
  { app: "officer", path: "*", file: "app/api/[...path]/route.ts", methods: {} },
  // verifier
  { app: "verifier", path: "/api/health", file: "app/api/health/route.ts", methods: { GET: { input: "none", succeedsFor: ALL } } },
  // No role here holds an API key: 401 API_KEY_INVALID before the body is read.
  { app: "verifier", path: "/api/v1/verify", file: "app/api/v1/verify/route.ts", methods: { POST: { input: "json", fields: { token: "text", purpose: "enum", branch: "text" } } } },
  {
    app: "verifier",
    path: "/api/sesi",
    file: "app/api/sesi/route.ts",
    methods: {
      POST: { input: "json", fields: { email: "email", password: "password" } },
      GET: { input: "none" },
      // Signing out with no session is a no-op that answers 204.
      DELETE: { input: "none", succeedsFor: ALL },
    },
  },
  { app: "verifier", path: "/api/sesi/kunci-sandi", file: "app/api/sesi/kunci-sandi/route.ts", methods: { POST: { input: "json", fields: { credential: CREDENTIAL } } } },
  { app: "verifier", path: "/api/pindai", file: "app/api/pindai/route.ts", methods: { POST: { input: "json", fields: { token: "text", purpose: "enum", branch: "text" } } } },
  {
    app: "verifier",
    path: "/api/pindai/luring",
    file: "app/api/pindai/luring/route.ts",
    methods: { POST: { input: "json", fields: { token: "text", purpose: "enum", branch: "text", id: "uuid", at: "text" } } },
  },
  { app: "verifier", path: "/api/luring", file: "app/api/luring/route.ts", methods: { GET: { input: "none" } } },
  { app: "verifier", path: "/api/bukti/:id", file: "app/api/bukti/[id]/route.ts", methods: { GET: { input: "none" } } },
  { app: "verifier", path: "/api/bukti/:id/pdf", file: "app/api/bukti/[id]/pdf/route.ts", methods: { GET: { input: "none" } } },
  {
    app: "verifier",
    path: "/api/organisasi",
    file: "app/api/organisasi/route.ts",
    methods: { POST: { input: "json", fields: { legalName: "text", registrationNumber: "text", type: "enum", purposes: "enum", contactEmail: "email", branches: "text" } } },
  },
  // Public: any well-formed receipt gets an answer (200, genuine or not).
  { app: "verifier", path: "/api/cek-bukti", file: "app/api/cek-bukti/route.ts", methods: { POST: { input: "json", fields: { receipt: "jws" }, succeedsFor: ALL } } },
  { app: "verifier", path: "*", file: "app/api/[...path]/route.ts", methods: {} },
];

/** Whether `method` on `route` may answer 2xx in `role`. OPTIONS is Next's own 204 (no handler runs). */
export function maySucceed(route: Route, method: string, role: Role): boolean {
  if (method === "OPTIONS") return true;
  const handling = route.methods[(method === "HEAD" ? "GET" : method) as Method];
  return Boolean(handling?.succeedsFor?.includes(role));
}
