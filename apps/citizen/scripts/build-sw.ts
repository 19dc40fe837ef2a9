// After `next build`: the card's service worker, with Next's static files and the icon to
// precache, so the card opens without a network (issue 11).
import path from "node:path";
import { buildServiceWorker } from "@ktp/ui/build-service-worker";

const files = await buildServiceWorker({ app: path.resolve(import.meta.dirname, "..") });
console.log(`service worker: ${files} files to precache`);
