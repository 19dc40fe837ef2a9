import { expect, test, uniqueContact } from "./fixtures.ts";

test.describe("registration: Verifikasi Data", () => {
  test("names each mistake beside its field before sending anything", async ({ page }) => {
    let sent = 0;
    page.on("request", (r) => r.url().includes("/api/registrations") && sent++);
    await page.goto("/daftar");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Daftar KTP Digital");
    await page.getByRole("textbox", { name: "NIK" }).fill("1234");
    await page.getByRole("textbox", { name: "E-mail" }).fill("dewi@");
    await page.getByRole("textbox", { name: "Nomor ponsel" }).fill("021 555 1234");
    await page.getByRole("button", { name: "Verifikasi Data" }).click();
    await expect(page.locator("#nik-error")).toHaveText("NIK harus terdiri dari 16 digit.");
    await expect(page.locator("#email-error")).toContainText("Alamat e-mail tidak sah");
    await expect(page.locator("#phone-error")).toContainText("Nomor ponsel tidak sah");
    expect(sent).toBe(0);
  });

  test("says why SIAK refuses, beside the NIK", async ({ page }) => {
    await page.goto("/daftar");
    await page.getByRole("textbox", { name: "NIK" }).fill("6472051003120001"); // demo: under 17
    await page.getByRole("textbox", { name: "E-mail" }).fill(uniqueContact("rizky").email);
    await page.getByRole("textbox", { name: "Nomor ponsel" }).fill(uniqueContact().phoneTyped);
    await page.getByRole("button", { name: "Verifikasi Data" }).click();
    await expect(page.locator("#nik-error")).toHaveText("KTP Digital dapat diaktifkan mulai usia 17 tahun, atau lebih awal bagi yang sudah atau pernah kawin.");
  });

  test("continues where it stopped after the browser is closed", async ({ page, resident }) => {
    const { nik } = await resident({ nama: "UJI LANJUT" });
    await page.goto("/daftar");
    await page.getByRole("textbox", { name: "NIK" }).fill(nik);
    const contact = uniqueContact();
    await page.getByRole("textbox", { name: "E-mail" }).fill(contact.email);
    await page.getByRole("textbox", { name: "Nomor ponsel" }).fill(`+62 ${contact.phone.slice(1)}`);
    await page.getByRole("button", { name: "Verifikasi Data" }).click();
    await expect(page).toHaveURL(/\/daftar\/swafoto$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Swafoto");
    await expect(page.getByText("UJ* LA****")).toBeVisible();
    await expect(page.getByRole("button", { name: "Buka kamera" })).toBeVisible(); // after the camera page's one reload
    // A new tab later: the httpOnly cookie brings the citizen back to the same step.
    const again = await page.context().newPage();
    await again.goto("/daftar");
    await expect(again).toHaveURL(/\/daftar\/swafoto$/);
    // The status page says where it stands and offers the way on, not only a sentence.
    await again.goto("/daftar/status");
    await again.getByRole("link", { name: "Lanjutkan" }).click();
    await expect(again).toHaveURL(/\/daftar\/swafoto$/);
  });
});

test.describe("registration API", () => {
  test("refuses malformed requests with a code and a sentence", async ({ request }) => {
    const post = (data: unknown) => request.post("/api/registrations", { data });
    const codes = await Promise.all(
      [{}, { nik: "6472051708850001", email: "x", phone: "081234567890" }, { nik: "6472051708850001", email: "a@b.id", phone: "12" }].map(async (body) => (await (await post(body)).json()).error.code),
    );
    expect(codes).toEqual(["NIK_REQUIRED", "EMAIL_INVALID", "PHONE_INVALID"]);
    const unknown = await post({ nik: "6472051708859999", ...uniqueContact() });
    expect(unknown.status()).toBe(422);
    expect((await unknown.json()).error).toMatchObject({ code: "SIAK_NOT_FOUND", field: "nik" });
  });

  test("knows no registration without its cookie, and refuses forged ones", async ({ request }) => {
    const none = await request.get("/api/registrations/current");
    expect(none.status()).toBe(404);
    expect((await none.json()).error.code).toBe("REGISTRATION_NOT_FOUND");
    const forged = await request.post("/api/registrations/current/selfie", {
      headers: { "content-type": "image/jpeg", cookie: "ktp_daftar=forged" },
      data: Buffer.from("x"),
    });
    expect(forged.status()).toBe(404);
    // The registration is looked up before the body is read: without one, even a wrong type is a 404.
    const text = await request.post("/api/registrations/current/selfie", { headers: { "content-type": "text/plain" }, data: Buffer.from("x") });
    expect(text.status()).toBe(404);
  });
});
