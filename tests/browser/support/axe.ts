import axe from "axe-core";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Accessibility checks with the real axe-core engine, run inside the page. axe walks open
 * shadow roots on its own, so the widget's shadow DOM is checked with the host page.
 *
 * The source is injected with page.evaluate (Chromium's DevTools protocol), not a <script> tag:
 * the app's pages send a strict Content-Security-Policy that would block an inline script, and
 * the test must check the page as users get it, CSP included.
 */

export type AxeImpact = "minor" | "moderate" | "serious" | "critical";

export interface AxeFinding {
  id: string;
  impact: AxeImpact | null;
  help: string;
  /** One line per failing element: its selector path and axe's summary (e.g. the contrast ratio). */
  nodes: string[];
}

export interface AxeRunOptions {
  /** CSS selector of the part of the page to check (default: the whole document). */
  include?: string;
  /** Rule ids to leave out, each with a reason in the calling test. */
  disableRules?: string[];
}

/** Every axe violation on the page as it is now (all impacts). */
export async function axeViolations(page: Page, options: AxeRunOptions = {}): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(
    async ({ include, disableRules }) => {
      const engine = (window as unknown as { axe: typeof import("axe-core") }).axe;
      const rules = Object.fromEntries(disableRules.map((id) => [id, { enabled: false }]));
      const results = await engine.run(include ? { include: [include] } : document, { rules, resultTypes: ["violations"] });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? "").replace(/\s+/g, " ").trim()}`),
      }));
    },
    { include: options.include ?? null, disableRules: options.disableRules ?? [] },
  );
}

/** Serious or critical findings only: the ones the project treats as bugs. */
export function seriousFindings(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => f.impact === "serious" || f.impact === "critical");
}

/** Human-readable list of findings, for assertion messages. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => `${f.impact ?? "?"} ${f.id} (${f.help}), ${f.nodes.length} element(s):\n    ${f.nodes.slice(0, 5).join("\n    ")}`)
    .join("\n");
}

/** Fails with the rule, the element and axe's explanation when any serious or critical violation is found. */
export async function expectNoSeriousAxeViolations(page: Page, options: AxeRunOptions = {}): Promise<AxeFinding[]> {
  const findings = await axeViolations(page, options);
  const serious = seriousFindings(findings);
  // Compare the description, not the objects: a failure then reads as a list of rules and elements.
  expect(describeFindings(serious), "axe found serious or critical violations").toBe("");
  return findings;
}
