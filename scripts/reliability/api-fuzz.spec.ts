import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { cropFace, groupPhoto, SAMPLE1_FACES } from "@ktp/testing/sample-photos";
import { e2eEnv } from "@ktp/testing/e2e-env";
import { buildBody, buildImage, type BodyRecipe, type ImageRecipe, imageRecipe, imageType, noise, chunking, type RequestRecipe, requestFor } from "./arbitraries.ts";
import { type RawRequest, type RawResponse, send } from "./client.ts";
import { changes, Harness, signInOfficer, startRegistration } from "./harness.ts";
import { type Method, METHODS, maySucceed, ROLES, type Role, type Route, ROUTES } from "./routes.ts";

// Property-based fuzzing of every API route of the three apps, signed out, as a citizen at the
// selfie and at the PIN step, and as a signed-in officer: no 5xx, every refusal JSON with a code,
// no 2xx the route table does not allow, and no row of `app` or `siak` changed by the refusals.
// Fixed seeds: a failure prints the request and reproduces with the same seed.

const SEED = e2eEnv.fuzzSeed();
/** Generated requests per route, method set and role. */
const RUNS = e2eEnv.fuzzRuns();
const CONCURRENCY = 6;
const ROOT = path.resolve(import.meta.dirname, "../..");

test.describe.configure({ timeout: 90_000 });

let harness: Harness;
test.beforeAll(() => {
  harness = new Harness();
});
test.afterAll(async () => {
  await harness.close();
});

test("the route table names every API route file of the three apps", () => {
  const onDisk = ["citizen", "officer", "verifier"].flatMap((app) =>
    readdirSync(path.join(ROOT, "apps", app, "app/api"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith("route.ts"))
      .map((file) => `${app}/app/api/${file.split(path.sep).join("/")}`),
  );
  expect(ROUTES.map((r) => `${r.app}/${r.file}`).sort()).toEqual(onDisk.sort());
});

for (const [index, role] of ROLES.entries()) {
  test(`${role}: garbage to every route is refused with a code and changes no row`, async () => {
    const cookies = await roleCookies(role);
    const stats = new Stats();
    const before = await harness.snapshot();
    const failures = await inPool(
      ROUTES.map((route, i) => ({ route, i })),
      CONCURRENCY,
      ({ route, i }) => {
        const methods = METHODS.filter((m) => !route.methods[m]?.writes && !route.methods[m]?.skip?.roles.includes(role));
        const arbitrary = requestFor(route, { methods, uncountedImagesOnly: role === "citizen-selfie" });
        return fuzz(`${role} ${route.app} ${route.path}`, arbitrary, async (recipe) => {
          const request = await toRequest(route, recipe, { cookie: cookies(route), from: `127.0.${10 + index}.${i + 1}` });
          const response = await send(request);
          stats.add(route, response);
          try {
            checkAnswer(route, recipe, role, response);
          } catch (e) {
            throw new Error(`${(e as Error).message}\n  sent: ${request.method} ${JSON.stringify(request.path)} ${JSON.stringify(request.headers)}`, { cause: e });
          }
        });
      },
    );
    const after = await harness.snapshot();
    console.log(`${role}: ${stats.summary()}`);
    test.info().annotations.push({ type: "requests", description: stats.summary() });
    expect(failures, failures.join("\n\n")).toEqual([]);
    expect(changes(before, after), "tables changed by refused requests").toEqual([]);
  });
}

test("raw bytes to the selfie route count as uploads and change nothing else", async () => {
  const runs = Math.max(10, Math.round(RUNS * 0.75));
  const { nik } = await harness.resident({ photo: 2 });
  // Several registrations may wait at the selfie for one NIK; each takes 10 uploads at most.
  const registrations: { cookie: string; id: string }[] = [];
  for (let i = 0; i < Math.ceil(runs / 5) + 1; i++) {
    const { cookie } = await startRegistration(nik, { from: "127.0.20.1" });
    const [row] = await harness.db.registration.findMany({ where: { nik }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true } });
    registrations.push({ cookie, id: row!.id });
  }
  const ids = registrations.map((r) => r.id);
  // Another person's face: a damaged copy that still shows a face is a non-match, never a match.
  const photo = await cropFace(groupPhoto(1), SAMPLE1_FACES[0]);
  const before = await harness.snapshot({ exceptRegistrations: ids });
  const stats = new Stats();
  let current = 0;
  const route = ROUTES.find((r) => r.path === "/api/registrations/current/selfie")!;
  const arbitrary = fc.record({ image: imageRecipe, contentType: imageType, chunks: chunking, noise });
  const failures = await inPool([0], 1, () =>
    fuzz(
      "raw selfie bytes",
      arbitrary,
      async ({ image, contentType, chunks, noise: extra }) => {
        const recipe: RequestRecipe = { method: "POST", params: [], contentType, body: image, image: true, chunks, noise: extra };
        const response = await send(await toRequest(route, recipe, { cookie: registrations[current]!.cookie, from: "127.0.20.2" }, photo));
        stats.add(route, response);
        checkAnswer(route, recipe, "citizen-selfie", response);
        if (response.json?.error?.code === "SELFIE_ATTEMPTS_EXHAUSTED" && current < registrations.length - 1) current++;
      },
      runs,
    ),
  );
  const after = await harness.snapshot({ exceptRegistrations: ids });
  console.log(`raw selfie bytes: ${stats.summary()}`);
  test.info().annotations.push({ type: "requests", description: stats.summary() });
  expect(failures, failures.join("\n\n")).toEqual([]);
  expect(changes(before, after), "tables changed besides the fuzzed registrations").toEqual([]);
  const rows = await harness.db.registration.findMany({ where: { id: { in: ids } }, select: { step: true, selfieUploads: true, selfieAttempts: true, nik: true } });
  for (const row of rows) {
    expect(["SELFIE", "COUNTER_REQUIRED"]).toContain(row.step);
    expect(row.selfieUploads).toBeLessThanOrEqual(10);
    expect(row.selfieAttempts).toBeLessThanOrEqual(3);
    expect(row.nik).toBe(nik);
  }
});

test("routes that take no input answer as usual whatever they are sent, one row per success", async () => {
  const { cookie: officerCookie } = await signInOfficer(await harness.officer(), { from: "127.0.21.1" });
  const targets = ROUTES.flatMap((route) =>
    (Object.entries(route.methods) as [Method, NonNullable<Route["methods"][Method]>][]).filter(([, handling]) => handling.writes).map(([method]) => ({ route, method })),
  );
  expect(targets.map((t) => `${t.method} ${t.route.app} ${t.route.path}`)).toEqual(["POST citizen /api/session/options", "POST officer /api/counter/qr"]);
  const tableOf = { citizen: "citizen_session", officer: "counter_qr" } as const;
  const stats = new Stats();
  for (const [i, { route, method }] of targets.entries()) {
    const table = tableOf[route.app as "citizen" | "officer"];
    const count = async () => Number((await harness.pool.query(`SELECT count(*) FROM app.${table}`)).rows[0].count);
    const rowsBefore = await count();
    let successes = 0;
    const role: Role = route.app === "officer" ? "officer" : "signed-out";
    const failures = await inPool([0], 1, () =>
      fuzz(
        `${method} ${route.app} ${route.path}`,
        requestFor(route, { methods: [method] }),
        async (recipe) => {
          const response = await send(await toRequest(route, recipe, { cookie: role === "officer" ? officerCookie : undefined, from: `127.0.22.${i + 1}` }));
          stats.add(route, response);
          checkAnswer(route, recipe, role, response);
          if (response.status < 300) {
            successes++;
            expect(response.json, "a success answers with its usual body").toHaveProperty(route.app === "officer" ? "qr" : "challenge");
          }
        },
        Math.round(RUNS / 2),
      ),
    );
    expect(failures, failures.join("\n\n")).toEqual([]);
    expect((await count()) - rowsBefore, `rows added to app.${table}`).toBe(successes);
  }
  console.log(`no-input routes: ${stats.summary()}`);
});

// ---------------------------------------------------------------- roles

/** The Cookie header each role sends to a route's app. */
async function roleCookies(role: Role): Promise<(route: Route) => string | undefined> {
  if (role === "signed-out") return () => undefined;
  if (role === "officer") {
    // One officer: its budget (600 requests a minute) is far above what one run sends.
    // Browsers send localhost cookies to every port, so the other apps get the cookie too.
    const { cookie } = await signInOfficer(await harness.officer(), { from: "127.0.30.1" });
    return () => cookie;
  }
  const { nik } = await harness.resident({ photo: 2 });
  const { cookie } = await startRegistration(nik, { from: "127.0.30.2" });
  if (role === "citizen-pin") {
    // Past the selfie, as if the face had matched.
    await harness.pool.query("UPDATE app.registration SET step = 'PIN', selfie_attempts = 1, match_decision = 'match' WHERE nik = $1", [nik]);
  }
  return () => cookie;
}

// ---------------------------------------------------------------- requests and answers

async function toRequest(route: Route, recipe: RequestRecipe, { cookie, from }: { cookie: string | undefined; from: string }, photo?: Buffer): Promise<RawRequest> {
  let i = 0;
  let pathname = route.path === "*" ? `/api/${recipe.params[0]}` : route.path.replace(/:\w+/g, () => recipe.params[i++]!);
  if (recipe.noise.query !== null) pathname += `?${recipe.noise.query}`;
  const headers: Record<string, string> = {};
  if (recipe.contentType !== null) headers["content-type"] = recipe.contentType;
  const cookies = [cookie, recipe.noise.cookie].filter(Boolean);
  if (cookies.length) headers.cookie = cookies.join("; ");
  if (recipe.noise.acceptLanguage !== null) headers["accept-language"] = recipe.noise.acceptLanguage;
  if (recipe.noise.forwardedFor !== null) headers["x-forwarded-for"] = recipe.noise.forwardedFor;
  if (recipe.noise.forgedClientIp !== null) headers["x-ktp-client-ip"] = recipe.noise.forgedClientIp;
  const body = recipe.body === null ? undefined : recipe.image ? await buildImage(recipe.body as ImageRecipe, photo ?? (await samplePhoto())) : buildBody(recipe.body as BodyRecipe);
  return { app: route.app, method: recipe.method, path: pathname, headers, body, chunks: body && recipe.chunks ? recipe.chunks : undefined, from };
}

let sample: Promise<Buffer> | undefined;
const samplePhoto = () => (sample ??= cropFace(groupPhoto(1), SAMPLE1_FACES[0]));

/** The answer rules every generated request must meet. */
function checkAnswer(route: Route, recipe: RequestRecipe, role: Role, response: RawResponse) {
  const said = `${response.status} ${response.body.toString("utf8").slice(0, 300)}`;
  if (response.status >= 500) throw new Error(`5xx: ${said}`);
  if (response.status < 300 && !maySucceed(route, recipe.method, role)) throw new Error(`unexpected success: ${said}`);
  // Next sends /api/x/ to /api/x (308); a redirect may only stay on this site.
  if (response.status >= 300 && response.status < 400 && !/^\/(?![/\\])/.test(String(response.headers.location))) {
    throw new Error(`redirect off the site: ${said} → ${response.headers.location}`);
  }
  if (response.status >= 400 && recipe.method !== "HEAD") {
    const code = response.json?.error?.code;
    if (typeof code !== "string" || !/^[A-Z][A-Z0-9_]*$/.test(code) || typeof response.json.error.message !== "string") {
      throw new Error(`refusal without a JSON error code (content-type ${response.headers["content-type"]}): ${said}`);
    }
    if (code === "RATE_LIMITED" && !response.headers["retry-after"]) throw new Error(`429 without Retry-After: ${said}`);
  }
}

/** Runs a fast-check property with this spec's seed (offset per property); returns the failure report, if any. */
async function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>, numRuns = RUNS): Promise<string | null> {
  const seed = (SEED + hash(name)) | 0;
  const details = await fc.check(fc.asyncProperty(arbitrary, check), { seed, numRuns });
  if (!details.failed) return null;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return `${name} (seed ${seed}, path ${details.counterexamplePath}): ${error.slice(0, 1500)}\n  request: ${fc.stringify(details.counterexample).slice(0, 3000)}`;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Runs `work` over `items`, `concurrency` at a time; collects the failure reports. */
async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<string | null>): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const failure = await work(items[next++]!);
        if (failure) failures.push(failure);
      }
    }),
  );
  return failures;
}

class Stats {
  private readonly byStatus = new Map<number, number>();
  private readonly byCode = new Map<string, number>();
  private readonly msByRoute = new Map<string, number>();
  private total = 0;

  add(route: Route, response: RawResponse) {
    this.total++;
    const key = `${route.app} ${route.path}`;
    this.msByRoute.set(key, (this.msByRoute.get(key) ?? 0) + response.ms);
    this.byStatus.set(response.status, (this.byStatus.get(response.status) ?? 0) + 1);
    const code = response.json?.error?.code;
    if (typeof code === "string") this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
  }

  summary(): string {
    const statuses = [...this.byStatus]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(" ");
    const codes = [...this.byCode]
      .sort(([, a], [, b]) => b - a)
      .slice(0, 8)
      .map(([c, n]) => `${c}×${n}`)
      .join(" ");
    const slowest = [...this.msByRoute]
      .sort(([, a], [, b]) => b - a)
      .slice(0, 3)
      .map(([r, ms]) => `${r} ${Math.round(ms)} ms`)
      .join(", ");
    return `${this.total} requests; ${statuses}; ${codes}; slowest: ${slowest}`;
  }
}
