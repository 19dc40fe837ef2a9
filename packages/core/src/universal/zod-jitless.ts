import { z } from "zod";

// Zod probes for eval with `new Function("")` the first time it parses an object. The apps' CSP
// forbids eval, so the browser reports the (caught) probe as a violation; jitless skips the probe.
// Each app's instrumentation-client.ts imports this before any schema runs in the browser.
z.config({ jitless: true });
