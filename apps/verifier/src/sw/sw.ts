/// <reference lib="webworker" />
// The scan page's service worker (Serwist): the page opens and checks QRs without a network.
// Next's hashed static files and the second reader's WebAssembly are precached at install (the
// list is written in by scripts/build-sw.ts); pages are fetched fresh and kept for offline use;
// the API and other origins are not touched at all: the browser fetches them as if there were no
// worker (offline checks use the kept pack, decision 017).
import { CacheFirst, NetworkFirst, type PrecacheEntry, Serwist } from "serwist";

declare const __SW_MANIFEST: PrecacheEntry[];

const serwist = new Serwist({
  precacheEntries: __SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    { matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate", handler: new NetworkFirst({ cacheName: "pages", networkTimeoutSeconds: 4 }) },
    { matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith("/_next/static/") || url.pathname === "/icon.svg"), handler: new CacheFirst({ cacheName: "static" }) },
  ],
});

serwist.addEventListeners();
export {};
