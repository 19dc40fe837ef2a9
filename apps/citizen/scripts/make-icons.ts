// Makes the install icons from app/icon.svg (issue 13, item 5), run once by hand after the SVG
// changes; the PNGs are committed (public/icons). "any" icons keep the SVG's rounded corners; the
// maskable ones and Apple's touch icon fill the square (the platform cuts its own shape), with the
// card drawn inside the maskable safe zone (a circle of 40 % of the width), as it already is.
//   npx tsx apps/citizen/scripts/make-icons.ts
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const app = path.resolve(import.meta.dirname, "..");
const svg = readFileSync(path.join(app, "app/icon.svg"), "utf8");
const square = svg.replace('rx="96" fill="#0b4ea2"', 'fill="#0b4ea2"');
if (square === svg) throw new Error("app/icon.svg changed: update the background's rx in scripts/make-icons.ts");

const icons: [file: string, source: string, size: number][] = [
  ["icon-192.png", svg, 192],
  ["icon-512.png", svg, 512],
  ["maskable-192.png", square, 192],
  ["maskable-512.png", square, 512],
  ["apple-touch-icon.png", square, 180],
];
for (const [file, source, size] of icons) {
  await sharp(Buffer.from(source), { density: (72 * size) / 512 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(app, "public/icons", file));
  console.log(`public/icons/${file} (${size}×${size})`);
}
