import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { cropFace, groupPhoto, SAMPLE1_FACES } from "../../../packages/core/src/server/face/sample-photos.ts";

const CHECK = "/api/selfie/check";

test.describe("selfie check API", () => {
  test("accepts one whole face and explains every refusal", async ({ request }) => {
    const face = await cropFace(groupPhoto(1), SAMPLE1_FACES[2]);
    const ok = await request.post(CHECK, { headers: { "content-type": "image/jpeg" }, data: face });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({ accepted: true, faceWidth: expect.any(Number) });

    const group = await request.post(CHECK, { headers: { "content-type": "image/jpeg" }, data: readFileSync(groupPhoto(1)) });
    expect(group.status()).toBe(422);
    expect((await group.json()).error.code).toBe("FACE_MULTIPLE");

    const garbage = await request.post(CHECK, { headers: { "content-type": "image/jpeg" }, data: Buffer.from("not a photo") });
    expect(garbage.status()).toBe(422);
    expect((await garbage.json()).error).toMatchObject({ code: "IMAGE_UNREADABLE", messages: { id: expect.stringContaining("Gambar") } });
  });

  test("refuses other content types and photos over 4 MB", async ({ request }) => {
    const text = await request.post(CHECK, { headers: { "content-type": "text/plain" }, data: Buffer.from("x") });
    expect(text.status()).toBe(415);
    const huge = await request.post(CHECK, { headers: { "content-type": "image/jpeg" }, data: Buffer.alloc(5 * 1024 * 1024, 1) });
    expect(huge.status()).toBe(413);
  });
});

test("without a camera, the selfie page says so instead of failing silently", async ({ page }) => {
  await page.goto("/swafoto");
  await page.getByRole("button", { name: "Buka kamera" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /kamera/i })).toBeVisible();
});
