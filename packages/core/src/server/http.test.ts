import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../universal/errors.ts";
import { ZVerifyNikRequest } from "../universal/siak.ts";
import { apiRoute, localeOf, methodNotAllowed, readJson } from "./http.ts";

const echoNik = apiRoute(async (request: Request) => {
  const { nik } = await readJson(request, ZVerifyNikRequest);
  return Response.json({ nik });
});

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) => echoNik(new Request("http://localhost/api", { method: "POST", body, headers }), undefined);

describe("apiRoute + readJson", () => {
  it("passes a valid, normalised body to the handler", async () => {
    const response = await post(JSON.stringify({ nik: "6472 0517 0885 0001", extra: true }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ nik: "6472051708850001" });
  });

  it("joins the route's path parameters to an object body, the path winning", async () => {
    const schema = z.object({ nik: z.string(), note: z.string() });
    const read = (body: string) =>
      readJson(new Request("http://localhost/api", { method: "POST", body, headers: { "content-type": "application/json" } }), schema, { params: { nik: "6472051708850001" } });
    expect(await read('{"note":"hilang","nik":"1"}')).toEqual({ nik: "6472051708850001", note: "hilang" });
    await expect(read('["note"]')).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("marks answers and errors no-store unless the handler chose a cache policy", async () => {
    expect((await post(JSON.stringify({ nik: "6472051708850001" }))).headers.get("cache-control")).toBe("no-store");
    expect((await post("{")).headers.get("cache-control")).toBe("no-store");
    const published = apiRoute(async () => Response.json({}, { headers: { "cache-control": "public, max-age=300" } }));
    expect((await published(new Request("http://localhost/api"), undefined)).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it.each([
    ["{", 400, "INVALID_JSON"],
    ["[]", 400, "VALIDATION_FAILED"],
    ["null", 400, "VALIDATION_FAILED"],
    ["{}", 400, "NIK_REQUIRED"],
    ['{"nik":6472051708850001}', 400, "NIK_NOT_TEXT"],
    ['{"nik":"647205170885000X"}', 400, "NIK_NOT_DIGITS"],
    ['{"nik":"9999991708850001"}', 400, "NIK_UNKNOWN_DISTRICT"],
  ])("%s -> %i %s", async (body, status, code) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    const { error } = await response.json();
    expect(error.code).toBe(code);
    expect(error.messages.id.length).toBeGreaterThan(10);
    expect(error.messages.en.length).toBeGreaterThan(10);
  });

  it("refuses other content types and oversized bodies", async () => {
    expect((await post("nik=1", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await post(JSON.stringify({ nik: "1".repeat(20_000) }))).status).toBe(413);
  });

  it("answers every garbage body with a 4xx and a code, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ nik: v })),
        ),
        async (body) => {
          const response = await post(body);
          expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(true);
          if (response.status !== 200) expect((await response.json()).error.code).toMatch(/^[A-Z_]+$/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers in English when asked, Indonesian otherwise", async () => {
    const en = await echoNik(new Request("http://x/api", { method: "POST", body: "{}", headers: { "content-type": "application/json", "accept-language": "en-US,en" } }), undefined);
    expect((await en.json()).error.message).toBe("NIK is required.");
    expect(localeOf(new Request("http://x", { headers: { cookie: "a=1; lang=en" } }))).toBe("en");
    expect(localeOf(new Request("http://x", { headers: { "accept-language": "fr" } }))).toBe("id");
  });

  it("hides unexpected failures behind a 500 that promises nothing changed", async () => {
    const failing = apiRoute(async () => {
      throw new Error("boom");
    });
    const response = await failing(new Request("http://x"), undefined);
    expect(response.status).toBe(500);
    expect((await response.json()).error.code).toBe("INTERNAL");
  });

  it("stops reading a chunked body at the limit, without holding it whole (finding 5)", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const request = new Request("http://x", { method: "POST", body: endless, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    const error = await readJson(request, z.unknown()).catch((e: AppError) => e.code);
    expect(error).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThan(4);
  });

  it("refuses NUL and other control characters anywhere in a body with a 400, never a 500 (finding 9)", async () => {
    for (const body of [{ counter: "SMD\u0000" }, { credential: { id: "a\u0001b" } }, { list: ["\u007f"] }, { ["k\u0000"]: 1 }, { text: "\ud800" }]) {
      const request = new Request("http://x", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
      expect(await readJson(request, z.unknown()).catch((e: AppError) => e.code)).toBe("VALIDATION_FAILED");
    }
  });

  it("refuses JSON nested deeper than any request needs with a 400, not a stack overflow", async () => {
    const read = (body: string, maxBytes?: number) =>
      readJson(new Request("http://x", { method: "POST", body, headers: { "content-type": "application/json" } }), z.unknown(), { maxBytes }).then(
        () => "OK",
        (e: AppError) => e.code,
      );
    expect(await read(`${"[".repeat(8000)}1${"]".repeat(8000)}`)).toBe("VALIDATION_FAILED");
    expect(await read(`${'{"a":'.repeat(2500)}1${"}".repeat(2500)}`)).toBe("VALIDATION_FAILED");
    expect(await read(`${"[".repeat(32_000)}${"]".repeat(32_000)}`, 64 * 1024)).toBe("VALIDATION_FAILED");
    expect(await read(`${'{"a":['.repeat(15)}"x"${"]}".repeat(15)}`)).toBe("OK");
    expect(await read(`${'{"a":['.repeat(15)}"\\u0000"${"]}".repeat(15)}`)).toBe("VALIDATION_FAILED");
  });

  it("answers a spent rate limit with 429 and Retry-After", async () => {
    const limited = apiRoute(async () => {
      throw new AppError("RATE_LIMITED", { details: { retryAfterSeconds: 42 } });
    });
    const response = await limited(new Request("http://x"), undefined);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
  });

  it("maps an unreachable mail server to 503", async () => {
    const down = apiRoute(async () => {
      throw Object.assign(new Error("Connection refused"), { code: "ESOCKET" });
    });
    expect((await down(new Request("http://x"), undefined)).status).toBe(503);
  });

  it("maps an unreachable database to 503", async () => {
    const down = apiRoute(async () => {
      throw new Error("pool", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    });
    expect((await down(new Request("http://x"), undefined)).status).toBe(503);
  });

  it("maps a database that dies under a request to 503, as the crash suite sees it (scripts/reliability/crash.ts)", async () => {
    const answer = async (error: unknown) =>
      (
        await apiRoute(async () => {
          throw error;
        })(new Request("http://x"), undefined)
      ).status;
    const prisma = (code: string, cause: object) => Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation"), { code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
    // pg: the connection closed under a query (no code), or reset.
    expect(await answer(new Error("Connection terminated unexpectedly"))).toBe(503);
    expect(await answer(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(503);
    // Prisma: raw queries report an unreachable database as P2010; models as P1001 / P1017.
    expect(await answer(prisma("P2010", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe(503);
    expect(await answer(prisma("P1017", { kind: "ConnectionClosed" }))).toBe(503);
    expect(await answer(prisma("P2010", { kind: "postgres", originalCode: "57P01" }))).toBe(503);
    // A real query error stays a 500.
    expect(await answer(prisma("P2010", { kind: "postgres", originalCode: "42601" }))).toBe(500);
  });

  it("answers wrong methods with 405 and an Allow header", async () => {
    const response = methodNotAllowed("POST")(new Request("http://x"));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("keeps AppError statuses", () => {
    expect(new AppError("PAYLOAD_TOO_LARGE").status).toBe(413);
  });
});
