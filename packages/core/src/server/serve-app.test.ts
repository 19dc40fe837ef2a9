import { describe, expect, it } from "vitest";
import { isDecodablePath } from "./serve-app.ts";

describe("isDecodablePath", () => {
  it("accepts escapes of UTF-8, whatever they decode to, and ignores the query", () => {
    for (const url of ["/", "/api/residents/6472051708850001", "/api/x/%00", "/api/x/%2F..%2F", "/api/%E2%82%AC", "/api/health?x=%zz"]) {
      expect(isDecodablePath(url), url).toBe(true);
    }
  });

  it("refuses broken escapes and bytes that are not UTF-8, which Next answers with a bare 500", () => {
    for (const url of ["/api/x%zz", "/api/%", "/api/residents/%80", "/api/%C0%AE", "/api/%ED%A0%80", "/api/%E0%A4%A"]) {
      expect(isDecodablePath(url), url).toBe(false);
    }
  });
});
