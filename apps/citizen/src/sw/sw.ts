/// <reference lib="webworker" />
// The card's service worker (Serwist): KTP Digital opens without a network (issue 11). Next's
// hashed static files are precached at install (the list is written in by scripts/build-sw.ts);
// the card page and its photo are fetched fresh and kept for offline use. Nothing else is touched:
// other pages and APIs go to the network as if there were no worker, and sign-out deletes what
// was kept (src/offline/offline-card.ts).
import { CacheFirst, NetworkFirst, type PrecacheEntry, Serwist } from "serwist";

declare const __SW_MANIFEST: PrecacheEntry[];

/** Kept on this device only; the names are shared with offline-card.ts, which deletes them at sign-out. */
const CARD_CACHE = "ktp-card";

const serwist = new Serwist({
  precacheEntries: __SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && ((request.mode === "navigate" && url.pathname === "/kartu") || url.pathname === "/api/kartu/foto"),
      handler: new NetworkFirst({ cacheName: CARD_CACHE, networkTimeoutSeconds: 4 }),
    },
    { matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith("/_next/static/") || url.pathname === "/icon.svg"), handler: new CacheFirst({ cacheName: "static" }) },
  ],
});

serwist.addEventListeners();
export {};
