// Copies the browser face models (@vladmandic/human) and TensorFlow.js' WASM binaries into
// apps/citizen/public/models, so the citizen app serves them itself (no CDN). Runs before
// `next dev` and `next build`; the folder is git-ignored.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, "apps/citizen/public/models");
// human's exports map hides package.json; its CommonJS entry is dist/human.node.js.
const human = path.join(path.dirname(require.resolve("@vladmandic/human")), "../models");
const wasm = path.join(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist");

const copies: [string, string][] = [
  ...["blazeface", "facemesh", "iris", "liveness"].flatMap((m) => [".json", ".bin"].map((ext) => [path.join(human, m + ext), path.join(target, "human", m + ext)] as [string, string])),
  ...["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"].map((f) => [path.join(wasm, f), path.join(target, "wasm", f)] as [string, string]),
];
for (const [from, to] of copies) {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}
console.log(`Copied ${copies.length} face-model files to ${path.relative(root, target)}`);
