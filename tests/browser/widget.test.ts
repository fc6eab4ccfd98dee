import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  askInWidget,
  describeInBrowser,
  focusedInWidget,
  connectChromium,
  startHostPage,
  waitForAnswer,
  watchPage,
  WIDGET,
} from "./support/browser.js";
import { expectEmptyStorage, SharedPage } from "./support/sharedPage.js";
import { startTutor, type RunningTutor } from "./support/startTutor.js";

/**
 * The widget against the real offline app (real index over the bundled roadmaps, extractive
 * answers), driven in chromium: the demo page, citations into the document view, keyboard-only
 * use, error states, and a host page on another origin with hostile CSS.
 */

const HOSTILE_CSS = `* { color: rgb(255, 0, 0) !important; font-family: "Comic Sans MS", cursive !important; }
button { display: none !important; } div { border: 6px solid rgb(0, 255, 0) !important; }
textarea { visibility: hidden !important; } a { pointer-events: none !important; }`;

/** Two widgets on one unstyled page: each has its own panel and conversation. */
function twoWidgetsPage(tutorUrl: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><p>No styles here.</p>
<script src="${tutorUrl}/widget.js" data-title="助手一" defer></script>
<script src="${tutorUrl}/widget.js" data-title="Helper two" data-language="en" data-position="bottom-left" data-open="true" defer></script>
</body></html>`;
}

function hostPage(tutorUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${HOSTILE_CSS}</style></head>
<body><h1>A blog on another origin</h1><p>Some post.</p>
<script src="${tutorUrl}/widget.js" data-endpoint="${tutorUrl}" data-title="Ask the roadmaps" data-theme="dark" data-position="bottom-left" data-accent="#e11d48" defer></script>
</body></html>`;
}

const DESKTOP = { width: 1200, height: 850 };

describeInBrowser("chat widget in the browser (offline app)", () => {
  let browser: Browser;
  let tutor: RunningTutor;
  let allowedHost: { origin: string; close(): Promise<void> };
  let otherHost: { origin: string; close(): Promise<void> };
  /** The tests' one page, taken in turn (sharedPage.ts): each test proves it starts with empty storage. */
  let shared: SharedPage;

  beforeAll(async () => {
    let tutorUrl = "";
    allowedHost = await startHostPage((path) => (path === "/two" ? twoWidgetsPage(tutorUrl) : hostPage(tutorUrl)));
    otherHost = await startHostPage(() => hostPage(tutorUrl));
    [browser, tutor] = await Promise.all([connectChromium(), startTutor({ env: { ALLOWED_ORIGINS: allowedHost.origin } })]);
    tutorUrl = tutor.baseUrl;
    shared = await SharedPage.open(browser, { viewport: DESKTOP, reducedMotion: "reduce" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await tutor?.close();
    await allowedHost?.close();
    await otherHost?.close();
  });

  async function pageForTest(viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> {
    const origins = [tutor.baseUrl, allowedHost.origin, otherHost.origin];
    const page = await shared.nextTurn(origins, { viewport });
    return { page, errors: watchPage(page).errors };
  }

  it("answers a Chinese question on the demo page with cited sources, and a citation opens the highlighted passage", async () => {
    const { page, errors } = await pageForTest();
    await page.goto(`${tutor.baseUrl}/`);
    await expectEmptyStorage(page);
    await page.locator(`${WIDGET} .rt-launcher`).click();
    await page.locator(`${WIDGET} .rt-panel[role=dialog]`).waitFor();
    // Starter questions from data-starters are offered in an empty conversation.
    expect(await page.locator(`${WIDGET} .rt-starter`).count()).toBe(3);

    await askInWidget(page, "学完 LoRA 之后该学什么？");
    await waitForAnswer(page);
    const answer = page.locator(`${WIDGET} .rt-assistant`).last();
    const answerText = (await answer.locator(".rt-bubble").textContent()) ?? "";
    expect(answerText.length).toBeGreaterThan(20);
    expect(await answer.getAttribute("class")).not.toContain("rt-abstained");
    const sources = answer.locator(".rt-sources li a");
    expect(await sources.count()).toBeGreaterThan(0);
    expect(await sources.first().textContent()).toMatch(/^\[\d+\] .+/);

    await mkdir("test-artifacts", { recursive: true });
    await page.screenshot({ path: "test-artifacts/widget-open.png" });

    const toDocument = answer.locator('.rt-bubble a.rt-cite[href*="/documents/"]').first();
    const href = (await toDocument.getAttribute("href")) ?? "";
    const range = /#L(\d+)-L(\d+)$/.exec(href);
    expect(range, href).not.toBeNull();
    const [start, end] = [Number(range?.[1]), Number(range?.[2])];
    const [view] = await Promise.all([page.waitForEvent("popup"), toDocument.click()]);
    await view.waitForLoadState("load");
    await view.waitForFunction(() => document.querySelectorAll(".line.hl").length > 0);
    const highlighted = await view.$$eval(".line.hl", (lines) => lines.map((l) => l.id));
    expect(highlighted).toEqual(Array.from({ length: end - start + 1 }, (_, i) => `L${start + i}`));
    expect(await view.locator(`#L${start}`).isVisible()).toBe(true);
    const inView = await view.locator(`#L${start}`).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);

    // A new hash re-highlights without reloading.
    await view.evaluate(() => (location.hash = "#L1-L2"));
    await view.waitForFunction(() => document.querySelector(".line.hl")?.id === "L1");
    expect(await view.locator(".line.hl").count()).toBe(2);

    // The conversation survives a reload of the tab; "new conversation" clears it.
    await page.reload();
    await page.locator(`${WIDGET} .rt-launcher`).click();
    expect(await page.locator(`${WIDGET} .rt-user`).count()).toBe(1);
    expect(await page.locator(`${WIDGET} .rt-assistant .rt-sources`).count()).toBe(1);
    await page.locator(`${WIDGET} .rt-new`).click();
    expect(await page.locator(`${WIDGET} .rt-msg`).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("can be used with the keyboard only", async () => {
    const { page, errors } = await pageForTest();
    await page.goto(`${tutor.baseUrl}/`);
    await expectEmptyStorage(page);
    // Tab through the article (its scrollable code block is a tab stop too) to the launcher.
    for (let i = 0; i < 10 && (await focusedInWidget(page)) === ""; i++) await page.keyboard.press("Tab");
    expect(await focusedInWidget(page)).toBe("button.rt-launcher");
    await page.keyboard.press("Enter");
    expect(await focusedInWidget(page)).toBe("textarea.rt-input");
    expect(await page.locator(`${WIDGET} .rt-launcher`).getAttribute("aria-expanded")).toBe("true");

    // Shift+Enter is a newline, Enter sends.
    await page.keyboard.type("Which book should I read");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("for deep learning?");
    expect(await page.locator(`${WIDGET} .rt-input`).inputValue()).toBe("Which book should I read\nfor deep learning?");
    expect(await page.locator(`${WIDGET} .rt-msg`).count()).toBe(0);
    await page.keyboard.press("Enter");
    await waitForAnswer(page);
    expect(await page.locator(`${WIDGET} .rt-user`).textContent()).toContain("Which book should I read\nfor deep learning?");
    expect(await focusedInWidget(page)).toBe("textarea.rt-input");

    // Tab and Shift+Tab stay inside the open dialog.
    const seen = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 7 === 6 ? "Shift+Tab" : "Tab");
      const focused = await focusedInWidget(page);
      expect(focused, `after ${i + 1} presses`).not.toBe("");
      expect(focused).not.toBe("button.rt-launcher");
      seen.add(focused);
    }
    expect(seen.has("button.rt-icon-btn rt-close")).toBe(true);
    expect([...seen].some((f) => f.startsWith("a."))).toBe(true);

    // Focus is visible: the focused control draws an outline.
    await page.locator(`${WIDGET} .rt-new`).focus();
    await page.keyboard.press("Tab");
    const outline = await page.evaluate((tag) => {
      const active = document.querySelector(tag)?.shadowRoot?.activeElement;
      return active ? getComputedStyle(active).outlineStyle : "none";
    }, WIDGET);
    expect(outline).not.toBe("none");

    await page.keyboard.press("Escape");
    expect(await page.locator(`${WIDGET} .rt-panel`).isHidden()).toBe(true);
    expect(await focusedInWidget(page)).toBe("button.rt-launcher");
    expect(errors).toEqual([]);
  });

  it("has dialog and live-region semantics, and goes full screen on a phone", async () => {
    const { page } = await pageForTest({ width: 390, height: 760 });
    await page.goto(`${tutor.baseUrl}/`);
    await expectEmptyStorage(page);
    const launcher = page.locator(`${WIDGET} .rt-launcher`);
    expect(await launcher.getAttribute("aria-label")).toBe("打开学习路线助手");
    await launcher.click();
    const panel = page.locator(`${WIDGET} .rt-panel`);
    expect(await panel.getAttribute("aria-modal")).toBe("true");
    expect(await panel.getAttribute("aria-labelledby")).toBe("rt-title");
    expect(await page.locator(`${WIDGET} [role=log]`).getAttribute("aria-live")).toBe("polite");
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 760 });
  });

  it("explains errors: unreachable server, 429 with Retry-After, 5xx, and retries", async () => {
    const { page } = await pageForTest();
    await page.goto(`${tutor.baseUrl}/`);
    await expectEmptyStorage(page);
    await page.locator(`${WIDGET} .rt-launcher`).click();
    const lastError = () => page.locator(`${WIDGET} .rt-error`).last();

    await page.route("**/api/ask", (route) => route.abort("connectionrefused"));
    await askInWidget(page, "RAG 需要先学什么？");
    await lastError().waitFor();
    expect(await lastError().textContent()).toContain(`无法连接到服务器（${tutor.baseUrl}）`);
    expect(await lastError().getAttribute("role")).toBe("alert");

    // Retry, with the server reachable again, replaces the failed exchange with an answer.
    await page.unroute("**/api/ask");
    await lastError().locator(".rt-retry").click();
    await waitForAnswer(page);
    expect(await page.locator(`${WIDGET} .rt-error`).count()).toBe(0);
    expect(await page.locator(`${WIDGET} .rt-user`).count()).toBe(1);

    await page.route("**/api/ask", (route) =>
      route.fulfill({
        status: 429,
        headers: { "content-type": "application/json", "retry-after": "30", "access-control-expose-headers": "retry-after" },
        body: JSON.stringify({ error: { status: 429, code: "rate_limited", message: "Rate limit exceeded" } }),
      }),
    );
    await askInWidget(page, "再问一个");
    await lastError().waitFor();
    expect(await lastError().textContent()).toContain("提问太频繁了，请在 30 秒后重试。");
    expect(await lastError().locator(".rt-retry").isDisabled()).toBe(true);

    await page.unroute("**/api/ask");
    await page.route("**/api/ask", (route) =>
      route.fulfill({
        status: 502,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          error: { status: 502, code: "upstream_failed", message: "Model server http://127.0.0.1:9/v1 answered 500." },
        }),
      }),
    );
    await askInWidget(page, "第三个问题");
    await page.locator(`${WIDGET} .rt-error`).nth(1).waitFor();
    const text = (await lastError().textContent()) ?? "";
    expect(text).toContain("服务器出错了（502）");
    expect(text).toContain("Model server http://127.0.0.1:9/v1 answered 500.");
  });

  it("works from a page on an allowed origin, isolated from the page's CSS", async () => {
    const { page, errors } = await pageForTest();
    await page.goto(`${allowedHost.origin}/`);
    await expectEmptyStorage(page);
    const launcher = page.locator(`${WIDGET} .rt-launcher`);
    await launcher.waitFor();
    // Hostile `button { display: none !important }` does not reach inside the shadow root.
    expect(await launcher.isVisible()).toBe(true);
    const box = await launcher.boundingBox();
    expect(box?.x).toBeLessThan(100); // data-position="bottom-left"
    expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(225, 29, 72)"); // data-accent
    await launcher.click();
    expect(await page.locator(`${WIDGET} .rt-title`).textContent()).toBe("Ask the roadmaps");

    await askInWidget(page, "Which book should I read for deep learning?");
    await waitForAnswer(page);
    const bubble = page.locator(`${WIDGET} .rt-assistant .rt-bubble`).last();
    expect(((await bubble.textContent()) ?? "").length).toBeGreaterThan(20);
    const style = await bubble.evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, font: s.fontFamily, border: s.borderTopWidth };
    });
    expect(style.color).not.toBe("rgb(255, 0, 0)");
    expect(style.font).not.toContain("Comic Sans");
    expect(style.border).toBe("0px");
    expect(await page.locator(`${WIDGET} .rt-input`).isVisible()).toBe(true);
    // Citation links point back at the tutor server, not at the host page.
    const hrefs = await page.locator(`${WIDGET} .rt-sources a`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h.startsWith(`${tutor.baseUrl}/documents/`) || /^https?:\/\//.test(h))).toBe(true);
    expect(hrefs.some((h) => h.startsWith(`${tutor.baseUrl}/documents/`))).toBe(true);
    // The page's own styles are untouched by the widget.
    expect(await page.locator("h1").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 0, 0)");
    expect(errors).toEqual([]);
  });

  it("runs two independent widgets on one unstyled page", async () => {
    const { page, errors } = await pageForTest();
    await page.goto(`${allowedHost.origin}/two`);
    await expectEmptyStorage(page);
    const widgets = page.locator(WIDGET);
    await widgets.nth(1).locator(".rt-panel").waitFor(); // data-open
    expect(await widgets.count()).toBe(2);
    expect(await widgets.nth(0).locator(".rt-panel").isHidden()).toBe(true);
    expect(await widgets.nth(1).locator(".rt-title").textContent()).toBe("Helper two");
    expect(await widgets.nth(1).locator(".rt-send").textContent()).toBe("Send");
    await askInWidget(page, "Which book should I read for deep learning?", 1);
    await waitForAnswer(page, 1);
    await widgets.nth(0).locator(".rt-launcher").click();
    expect(await widgets.nth(0).locator(".rt-title").textContent()).toBe("助手一");
    expect(await widgets.nth(0).locator(".rt-msg").count()).toBe(0);
    expect(await widgets.nth(1).locator(".rt-msg").count()).toBe(2);
    const [left, right] = await Promise.all([
      widgets.nth(1).locator(".rt-launcher").boundingBox(),
      widgets.nth(0).locator(".rt-launcher").boundingBox(),
    ]);
    expect((left?.x ?? 0) < (right?.x ?? 0)).toBe(true);
    expect(errors).toEqual([]);
  });

  it("reports the server as unreachable from an origin that is not allowed (CORS)", async () => {
    const { page } = await pageForTest();
    await page.goto(`${otherHost.origin}/`);
    await expectEmptyStorage(page);
    await page.locator(`${WIDGET} .rt-launcher`).click();
    await askInWidget(page, "Which book should I read for deep learning?");
    await page.locator(`${WIDGET} .rt-error`).waitFor();
    expect(await page.locator(`${WIDGET} .rt-error`).textContent()).toContain("Can't reach the server");
  });
});
