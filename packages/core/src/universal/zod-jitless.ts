// Zod probes for eval with `new Function("")` the first time it parses an object. The apps' CSP
// forbids eval, so the browser reports the (caught) probe as a violation; jitless skips the probe.
// Each app's instrumentation-client.ts imports this before any schema runs in the browser.
// It writes the global zod's `config()` keeps its settings in rather than importing zod: that
// import put zod on every page, pages without a schema included (7-30 KB gzipped, issue 13
// item 9). zod-jitless.test.ts checks that zod reads it.
const global = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(global.__zod_globalConfig ??= {}).jitless = true;
