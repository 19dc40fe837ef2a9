// After `next build`: the app's service worker, with Next's static files and the icons to
// precache, so the offline wallet opens without a network (issues 11 and 13).
import { readdirSync } from "node:fs";
import path from "node:path";
import { buildServiceWorker } from "@ktp/ui/build-service-worker";

const app = path.resolve(import.meta.dirname, "..");
const icons = readdirSync(path.join(app, "public/icons")).map((name) => ({ url: `/icons/${name}`, file: path.join(app, "public/icons", name) }));
const files = await buildServiceWorker({ app, extra: icons });
console.log(`service worker: ${files} files to precache`);
