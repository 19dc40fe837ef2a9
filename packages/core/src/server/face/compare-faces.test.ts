import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { cropFace, groupPhoto, retake, SAMPLE1_FACES } from "@ktp/testing/sample-photos";
import { compareFaces } from "./compare-faces.ts";
import { describeFace, loadFaceModel } from "./face-model.ts";

let faces: Buffer[];

beforeAll(async () => {
  await loadFaceModel();
  faces = await Promise.all(SAMPLE1_FACES.map((face) => cropFace(groupPhoto(1), face)));
}, 60_000);

describe("compareFaces", () => {
  it.each([0, 2])("matches face %i against a retake of itself", async (i) => {
    const result = await compareFaces({ probe: await retake(faces[i]!), reference: faces[i]! });
    expect(result.decision).toBe("match");
    expect(result.score).toBeGreaterThan(0.5);
  });

  it.each([
    [0, 1],
    [0, 2],
    [1, 2],
  ])("does not match face %i with face %i of another woman", async (a, b) => {
    const result = await compareFaces({ probe: faces[a]!, reference: faces[b]! });
    expect(result.decision).toBe("no_match");
  });
});

describe("describeFace refuses photos it cannot use, each with its reason", () => {
  const refusal = (image: Buffer) =>
    describeFace(image).then(
      () => "accepted",
      (e) => e.code,
    );

  it("several faces", async () => {
    expect(await refusal(readFileSync(groupPhoto(1)))).toBe("FACE_MULTIPLE");
  });

  it("no face", async () => {
    const grey = await sharp({ create: { width: 480, height: 640, channels: 3, background: "#9a9a9a" } })
      .jpeg()
      .toBuffer();
    expect(await refusal(grey)).toBe("FACE_NOT_FOUND");
  });

  it("a face too small to compare (an old, low-resolution camera)", async () => {
    const small = await sharp(faces[2]).resize({ width: 100 }).toBuffer();
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#6b7280" } })
      .composite([{ input: small, left: 110, top: 70 }])
      .jpeg()
      .toBuffer();
    expect(await refusal(photo)).toBe("FACE_TOO_SMALL");
  });

  it("a face cut off by the frame", async () => {
    const { width = 0, height = 0 } = await sharp(faces[2]).metadata();
    const half = await sharp(faces[2])
      .extract({ left: Math.round(width * 0.38), top: 0, width: Math.round(width * 0.62), height })
      .toBuffer();
    expect(await refusal(half)).toBe("FACE_CROPPED");
  });

  it("bytes that are not an image, and a truncated JPEG", async () => {
    expect(await refusal(Buffer.from("not an image"))).toBe("IMAGE_UNREADABLE");
    expect(await refusal(faces[0]!.subarray(0, 2000))).toBe("IMAGE_UNREADABLE");
  });
});

// Two real photos each of three people, in the repository (fixtures/SOURCES.md): a real person's
// other photo is accepted, and another person is not, on any fresh clone.
describe("real photos of the same people", () => {
  const photo = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", `${name}.jpg`));

  it.each(["obama", "biden", "rose_leslie"])("matches two different photos of %s", async (person) => {
    expect((await compareFaces({ probe: photo(`${person}-1`), reference: photo(`${person}-2`) })).decision).toBe("match");
  });

  it.each([
    ["obama-1", "biden-1"],
    ["obama-2", "biden-2"],
    ["rose_leslie-1", "obama-1"],
    ["rose_leslie-2", "biden-1"],
  ])("separates %s from %s", async (a, b) => {
    expect((await compareFaces({ probe: photo(a), reference: photo(b) })).decision).toBe("no_match");
  });
});

describe("npm run face -- compare", () => {
  const run = promisify(execFile);
  const root = path.resolve(import.meta.dirname, "../../../../..");
  const cli = (...args: string[]) =>
    run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/face.ts", ...args], { cwd: root }).then(
      (r) => ({ code: 0, out: JSON.parse(r.stdout) }),
      (e) => ({ code: e.code as number, out: e.stdout ? JSON.parse(e.stdout) : null }),
    );

  it("prints score, decision and ms as JSON, or the error code", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "face-cli-"));
    writeFileSync(path.join(dir, "a.jpg"), faces[2]!);
    writeFileSync(path.join(dir, "b.jpg"), await retake(faces[2]!));
    writeFileSync(path.join(dir, "c.jpg"), faces[1]!);
    const same = await cli("compare", path.join(dir, "a.jpg"), path.join(dir, "b.jpg"));
    expect(same.code).toBe(0);
    expect(same.out).toMatchObject({ decision: "match", score: expect.any(Number), ms: expect.any(Number) });
    expect((await cli("compare", path.join(dir, "a.jpg"), path.join(dir, "c.jpg"))).out.decision).toBe("no_match");
    expect(await cli("compare", path.join(dir, "a.jpg"), path.join(dir, "missing.jpg"))).toMatchObject({ code: 1, out: { error: "IMAGE_UNREADABLE" } });
    expect(await cli("compare", groupPhoto(1), path.join(dir, "a.jpg"))).toMatchObject({ code: 1, out: { error: "FACE_MULTIPLE" } });
  }, 60_000);
});
