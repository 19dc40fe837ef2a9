/// <reference lib="webworker" />
// The citizen app's service worker (Serwist; issues 11 and 13). Next's hashed static files and the
// icons are precached at install (the list is written in by scripts/build-sw.ts). Wallet pages go
// to the network; when it fails, the offline wallet's shell (/luring, cached by the card page
// while online, src/offline/offline-wallet.ts) answers instead, and opens the encrypted snapshot
// after the passkey. No page with personal data is ever cached in the clear. The API and other
// origins are not touched: the browser fetches them as if there were no worker.
import { CacheFirst, NetworkOnly, type PrecacheEntry, Serwist } from "serwist";

declare const __SW_MANIFEST: PrecacheEntry[];
declare const self: ServiceWorkerGlobalScope;

/** Filled by src/offline/offline-wallet.ts; it holds no personal data, so the wipe leaves it. */
const SHELL_CACHE = "ktp-shell";
const OFFLINE_SHELL = "/luring";
/** Where the app starts and the wallet's pages: offline, each opens the shell. */
const WALLET_PATHS = new Set(["/", "/kartu", "/keluarga", "/dokumen", "/biodata", "/riwayat", OFFLINE_SHELL]);
/** Before issue 13 the card page and photo were kept here in the clear; removed at activation. */
const OLD_CARD_CACHE = "ktp-card";

const serwist = new Serwist({
  precacheEntries: __SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && WALLET_PATHS.has(url.pathname),
      handler: new NetworkOnly({
        networkTimeoutSeconds: 4,
        plugins: [{ handlerDidError: async () => (await (await caches.open(SHELL_CACHE)).match(OFFLINE_SHELL)) ?? undefined }],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || url.pathname === "/icon.svg"),
      handler: new CacheFirst({ cacheName: "static" }),
    },
  ],
});

self.addEventListener("activate", (event) => event.waitUntil(caches.delete(OLD_CARD_CACHE)));
serwist.addEventListeners();
export {};
