import { expect, test } from "@playwright/test";

const VERIFY = "/api/siak/v1/nik/verify";

test.describe("SIAK verify API over HTTP", () => {
  test("answers for an eligible, a deceased and an unknown NIK", async ({ request }) => {
    const budi = await request.post(VERIFY, { data: { nik: "6472051708850001" } });
    expect(budi.status()).toBe(200);
    expect(await budi.json()).toMatchObject({ found: true, eligible: true, maskedName: "BU** SA*****" });

    const suparman = await request.post(VERIFY, { data: { nik: "6472050501400001" } });
    expect(await suparman.json()).toMatchObject({ found: true, alive: false, eligible: false });

    const agus = await request.post(VERIFY, { data: { nik: "3273011506010001" } });
    expect(await agus.json()).toMatchObject({ found: true, ektpRecorded: false, eligible: false });

    const unknown = await request.post(VERIFY, { data: { nik: "6472051708859999" } });
    expect(await unknown.json()).toEqual({ nik: "6472051708859999", found: false });
  });

  const malformed: [string, string | undefined, string, number, string][] = [
    ["short NIK", "application/json", JSON.stringify({ nik: "123" }), 400, "NIK_WRONG_LENGTH"],
    ["letters", "application/json", JSON.stringify({ nik: "64720517088500AB" }), 400, "NIK_NOT_DIGITS"],
    ["unknown district", "application/json", JSON.stringify({ nik: "0000001708850001" }), 400, "NIK_UNKNOWN_DISTRICT"],
    ["31 February", "application/json", JSON.stringify({ nik: "6472053102850001" }), 400, "NIK_IMPOSSIBLE_DATE"],
    ["serial 0000", "application/json", JSON.stringify({ nik: "6472051708850000" }), 400, "NIK_ZERO_SERIAL"],
    ["number", "application/json", '{"nik":6472051708850001}', 400, "NIK_NOT_TEXT"],
    ["missing", "application/json", "{}", 400, "NIK_REQUIRED"],
    ["not JSON", "application/json", "{nik:", 400, "INVALID_JSON"],
    ["form post", "application/x-www-form-urlencoded", "nik=6472051708850001", 415, "UNSUPPORTED_MEDIA_TYPE"],
    ["huge body", "application/json", JSON.stringify({ nik: "1".repeat(100_000) }), 413, "PAYLOAD_TOO_LARGE"],
  ];
  for (const [name, contentType, body, status, code] of malformed) {
    test(`refuses ${name} with ${status} ${code}`, async ({ request }) => {
      const response = await request.post(VERIFY, { headers: contentType ? { "content-type": contentType } : {}, data: Buffer.from(body) });
      expect(response.status()).toBe(status);
      const { error } = await response.json();
      expect(error.code).toBe(code);
      expect(error.message).toBe(error.messages.id);
      expect(error.messages.en).toMatch(/\.$/);
    });
  }

  test("answers in English for Accept-Language: en", async ({ request }) => {
    const response = await request.post(VERIFY, { headers: { "accept-language": "en" }, data: { nik: "12" } });
    expect((await response.json()).error.message).toBe("A NIK must have exactly 16 digits.");
  });

  test("answers GET with a JSON 405 and unknown API paths with a JSON 404", async ({ request }) => {
    const get = await request.get(VERIFY);
    expect(get.status()).toBe(405);
    expect(get.headers()["allow"]).toBe("POST");
    expect((await get.json()).error.code).toBe("METHOD_NOT_ALLOWED");
    const missing = await request.post("/api/siak/v2/nothing", { data: {} });
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe("NOT_FOUND");
  });

  test("reports health with the database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", app: "citizen", database: "ok" });
  });
});
