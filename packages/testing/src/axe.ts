import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Issue 13 item 9: every page passes axe (WCAG 2.0 A/AA and 2.1 AA rules) with no serious or
// critical violation, and fits a 320 px wide screen without scrolling sideways.

const TAGS = ["wcag2a", "wcag2aa", "wcag21aa"];

/** Runs axe on the page as it is now; fails with each serious/critical rule, its help text and the elements it hit. */
export async function expectNoSeriousA11yViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replaceAll("\n", " ") ?? ""}`).join("\n")}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/**
 * Nothing is wider than the viewport: the page does not scroll sideways. Compared with the width the
 * test set, not `innerWidth`, which a mobile browser widens (zooming out) when the page overflows.
 */
export async function expectNoHorizontalScroll(page: Page) {
  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth, `width of ${page.url()} at ${width} px`).toBeLessThanOrEqual(width);
}
