import { expect, test } from "vitest";

test("zod reads the jitless setting zod-jitless.ts writes, written before zod loads (as instrumentation-client.ts does)", async () => {
  await import("./zod-jitless.ts");
  const { z } = await import("zod");
  expect(z.config().jitless).toBe(true);
});
