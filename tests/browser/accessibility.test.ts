import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { askInWidget, describeInBrowser, connectChromium, startHostPage, waitForAnswer, WIDGET } from "./support/browser.js";
import { axeViolations, describeFindings, expectNoSeriousAxeViolations } from "./support/axe.js";
import { expectEmptyStorage, SharedPage } from "./support/sharedPage.js";
import { startTutor, type RunningTutor } from "./support/startTutor.js";

/**
 * axe-core in Chromium over everything a reader sees: the demo page, the widget (shadow DOM
 * included) in light and dark themes with an answer, its sources and an abstention on screen,
 * and the document view with a highlighted citation. The bar is 0 serious or critical
 * violations; moderate and minor ones are asserted where the issue named them.
 */

/** A host page that embeds the widget with the given data-* attributes, opened. */
function embeddingPage(tutorUrl: string, attributes: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head>
<body><main><h1>A blog post</h1><p>Some text.</p></main>
<script src="${tutorUrl}/widget.js" data-endpoint="${tutorUrl}" data-open="true" ${attributes} defer></script>
</body></html>`;
}

const DESKTOP = { width: 1200, height: 850 };

describeInBrowser("accessibility (axe-core in Chromium)", () => {
  let browser: Browser;
  let tutor: RunningTutor;
  let host: { origin: string; close(): Promise<void> };
  /** The tests' one page, taken in turn (sharedPage.ts): each test proves it starts with empty storage. */
  let shared: SharedPage;

  beforeAll(async () => {
    let tutorUrl = "";
    host = await startHostPage((path) => {
      const params = new URL(path, "http://x").searchParams;
      const accent = params.get("accent");
      return embeddingPage(
        tutorUrl,
        `data-theme="${params.get("theme") ?? "auto"}" data-language="en"${accent ? ` data-accent="${accent}"` : ""}`,
      );
    });
    [browser, tutor] = await Promise.all([connectChromium(), startTutor({ env: { ALLOWED_ORIGINS: host.origin } })]);
    tutorUrl = tutor.baseUrl;
    shared = await SharedPage.open(browser, { viewport: DESKTOP, reducedMotion: "reduce" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await tutor?.close();
    await host?.close();
  });

  async function pageForTest(colorScheme: "light" | "dark" = "light"): Promise<Page> {
    return shared.nextTurn([tutor.baseUrl, host.origin], { colorScheme });
  }

  /** Ask one answerable and one unanswerable question so citations, sources and the abstention style are on screen. */
  async function fillConversation(page: Page): Promise<void> {
    await page.locator(`${WIDGET} .rt-panel[role=dialog]`).waitFor();
    await askInWidget(page, "What should I learn after LoRA?");
    await waitForAnswer(page);
    expect(await page.locator(`${WIDGET} .rt-assistant .rt-sources li a`).count()).toBeGreaterThan(0);
    await askInWidget(page, "What is the best recipe for sourdough bread?");
    await page.waitForFunction(
      (tag) => (document.querySelector(tag)?.shadowRoot?.querySelectorAll(".rt-assistant").length ?? 0) >= 2,
      WIDGET,
    );
    await waitForAnswer(page);
    // Expand every source list: collapsed excerpts are not checked for contrast.
    await page.evaluate((tag) => {
      for (const d of document.querySelector(tag)?.shadowRoot?.querySelectorAll("details") ?? []) d.open = true;
    }, WIDGET);
  }

  it("demo page: no serious or critical violations, closed and with a conversation open", async () => {
    const page = await pageForTest();
    await page.goto(`${tutor.baseUrl}/`);
    await expectEmptyStorage(page);
    await page.locator(`${WIDGET} .rt-launcher`).waitFor();
    const closed = await expectNoSeriousAxeViolations(page);
    // The issue found 2 moderate ones here (landmarks): the page has none now.
    expect(closed, describeFindings(closed)).toEqual([]);
    await page.locator(`${WIDGET} .rt-launcher`).click();
    await fillConversation(page);
    await expectNoSeriousAxeViolations(page);
  });

  for (const theme of ["light", "dark"] as const) {
    it(`widget, data-theme="${theme}": no serious or critical violations with answers, sources and an abstention`, async () => {
      const page = await pageForTest();
      await page.goto(`${host.origin}/?theme=${theme}`);
      await expectEmptyStorage(page);
      await fillConversation(page);
      await expectNoSeriousAxeViolations(page);
    });
  }

  it('widget, data-theme="auto" on a system in dark mode: no serious or critical violations', async () => {
    const page = await pageForTest("dark");
    await page.goto(`${host.origin}/?theme=auto`);
    await expectEmptyStorage(page);
    await fillConversation(page);
    await expectNoSeriousAxeViolations(page);
  });

  for (const [theme, accent] of [
    ["dark", "#e11d48"],
    ["light", "#fbbf24"],
  ] as const) {
    it(`widget, data-theme="${theme}" with data-accent="${accent}": buttons and links stay readable`, async () => {
      const page = await pageForTest();
      await page.goto(`${host.origin}/?theme=${theme}&accent=${encodeURIComponent(accent)}`);
      await expectEmptyStorage(page);
      await fillConversation(page);
      await expectNoSeriousAxeViolations(page);
    });
  }

  it("the question box uses 16px text, so iOS Safari does not zoom the page on focus", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${host.origin}/?theme=light`);
    const input = page.locator(`${WIDGET} .rt-input`);
    await input.waitFor();
    const size = await input.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    await page.close();
  });

  it("document view with a highlighted citation: no serious or critical violations", async () => {
    const page = await pageForTest();
    const documents = (await (await fetch(`${tutor.baseUrl}/api/documents`)).json()) as { documents: { id: string }[] };
    expect(documents.documents.length).toBeGreaterThan(0);
    for (const { id } of documents.documents.slice(0, 2)) {
      await page.goto(`${tutor.baseUrl}/documents/${encodeURIComponent(id)}#L3-L6`);
      await expectEmptyStorage(page);
      await page.waitForFunction(() => document.querySelectorAll(".line.hl").length > 0);
      await expectNoSeriousAxeViolations(page);
    }
  });

  it("the helper reports a real contrast failure (it can fail)", async () => {
    const page = await pageForTest();
    await page.setContent(
      `<!doctype html><html lang="en"><head><title>t</title></head><body><main><p style="color:#aaa;background:#fff">faint text</p></main></body></html>`,
    );
    const findings = await axeViolations(page);
    expect(findings.map((f) => `${f.impact} ${f.id}`)).toContain("serious color-contrast");
  });
});
