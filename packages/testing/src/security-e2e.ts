import { type APIResponse, type BrowserContext, type Page, test as base, expect } from "@playwright/test";

// What the three apps' e2e specs check about the headers of packages/core/src/server/security-headers.ts.

/** Playwright's test, failing any test whose pages had something blocked by the CSP or the Permissions-Policy. */
export const test = base.extend<{ policyViolations: string[] }>({
  policyViolations: [
    async ({ context }, use) => {
      const violations = await watchPolicyViolations(context);
      await use(violations);
      expect(violations, "CSP or Permissions-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

interface WithHeaders {
  headers(): Record<string, string>;
}

/** Asserts the security headers of one response and returns its CSP nonce. */
export function expectSecurityHeaders(response: WithHeaders, { camera = false } = {}): string {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/]+={0,2})'/.exec(csp)?.[1] ?? "";
  expect(nonce, `a nonce in the CSP: ${csp}`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval';`);
  for (const directive of ["default-src 'self'", `style-src 'self' 'nonce-${nonce}'`, "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  expect(headers).toMatchObject({
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
  });
  expect(headers["permissions-policy"]).toBe(`camera=${camera ? "(self)" : "()"}, microphone=(), geolocation=(), payment=(), usb=(), display-capture=()`);
  return nonce;
}

/** Every script tag the server rendered carries the response's nonce. */
export function expectNoncedScripts(html: string, nonce: string) {
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, "script tags in the page").toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(` nonce="${nonce}"`);
}

/** React hydrated the page (its fiber is on the language switch), so the nonced scripts ran. */
export async function expectHydrated(page: Page) {
  const hydrated = () =>
    page
      .locator(".lang-switch button")
      .first()
      .evaluate((button) => Object.keys(button).some((key) => key.startsWith("__reactFiber")));
  await expect.poll(hydrated).toBe(true);
}

/**
 * Collects, for every page of `context`, what the browser reports when a policy blocks something:
 * `securitypolicyviolation` events and its console errors about CSP or Permissions-Policy.
 */
export async function watchPolicyViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline code"} at ${e.sourceFile}:${e.lineNumber}`));
  });
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|CSP violation|Permissions policy/i.test(message.text())) {
      violations.push(`${message.location().url}: ${message.text()}`);
    }
  });
  return violations;
}

/** A 403 ORIGIN_REFUSED answer, with the security headers, in `locale`. */
export async function expectOriginRefused(response: APIResponse, locale: "id" | "en" = "id") {
  expect(response.status()).toBe(403);
  const { error } = await response.json();
  expect(error.code).toBe("ORIGIN_REFUSED");
  expect(error.message).toBe(error.messages[locale]);
  expect(error.messages.id).toBe("Permintaan ini tidak datang dari halaman KTP Digital, jadi ditolak.");
  expectSecurityHeaders(response);
}
