import { describe, expect, it } from "vitest";
import { newWalletKey, openJson, sealJson } from "./sealed-json.ts";

describe("sealed wallet records", () => {
  it("round-trips under the key, and the key cannot be read out", async () => {
    const key = await newWalletKey();
    const sealed = await sealJson(key, "snapshot", { nik: "6472051708850001", nama: "BUDI SANTOSO" });
    expect(new TextDecoder().decode(sealed.data)).not.toContain("BUDI");
    expect(await openJson(key, "snapshot", sealed)).toEqual({ nik: "6472051708850001", nama: "BUDI SANTOSO" });
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey("raw", key)).rejects.toThrow();
  });

  it("does not open under another key, another record's name, or with one bit changed", async () => {
    const key = await newWalletKey();
    const sealed = await sealJson(key, "snapshot", { a: 1 });
    expect(await openJson(await newWalletKey(), "snapshot", sealed)).toBeNull();
    expect(await openJson(key, "batch", sealed)).toBeNull();
    const data = new Uint8Array(sealed.data.slice(0));
    data[0] = data[0]! ^ 1;
    expect(await openJson(key, "snapshot", { iv: sealed.iv, data: data.buffer })).toBeNull();
  });
});
