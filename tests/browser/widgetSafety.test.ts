import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakeOpenAiServer, type ChatReply, type FakeOpenAiServer } from "../support/fakeOpenAiServer.js";
import { askInWidget, describeInBrowser, connectChromium, waitForAnswer, watchPage, WIDGET } from "./support/browser.js";
import { expectEmptyStorage, SharedPage } from "./support/sharedPage.js";
import { startTutor, type RunningTutor } from "./support/startTutor.js";

/**
 * The widget against the real app in LLM mode, talking to the fake OpenAI-compatible server:
 * hostile markup in both the model's answer and a passage, token-by-token streaming, and stop.
 * The corpus is a hand-made roadmap whose passage carries <img onerror> and <script>.
 */

const XSS_ANSWER = `先理解攻击 <img src=x onerror="window.__xss='answer-img'"> 以及 <script>window.__xss='answer-script'</script> 的原理 [1]。`;
const SLOW_ANSWER = Array.from({ length: 40 }, (_, i) => `第${i + 1}步：编写攻击用例并记录修复。`).join(" ") + " [1]";

function lastUserText(body: { messages?: { role: string; content: unknown }[] }): string {
  const users = (body.messages ?? []).filter((m) => m.role === "user");
  const last = users[users.length - 1]?.content;
  return typeof last === "string" ? last : JSON.stringify(last ?? "");
}

describeInBrowser("chat widget safety and streaming (LLM mode)", () => {
  let browser: Browser;
  let tutor: RunningTutor;
  let model: FakeOpenAiServer;
  /** The tests' one page, taken in turn (sharedPage.ts): each test proves it starts with empty storage. */
  let shared: SharedPage;

  beforeAll(async () => {
    model = await startFakeOpenAiServer({
      chunkDelayMs: 40,
      chat: (body): ChatReply => {
        const question = lastUserText(body);
        if (question.includes("红队")) return { kind: "text", content: SLOW_ANSWER };
        return { kind: "text", content: XSS_ANSWER };
      },
    });
    [browser, tutor] = await Promise.all([
      connectChromium(),
      startTutor({
        corpusDir: path.resolve("tests/fixtures/widget/corpus/roadmaps"),
        env: { OPENAI_BASE_URL: model.baseURL, OPENAI_API_KEY: "sk-test-not-a-real-key", CHAT_MODEL: "fake-chat", OPENAI_MAX_RETRIES: "0" },
      }),
    ]);
    shared = await SharedPage.open(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await tutor?.close();
    await model?.close();
  });

  it("shows markup from the answer and from passages as text, in the widget and in the document view", async () => {
    const page = await shared.nextTurn([tutor.baseUrl]);
    const { errors } = watchPage(page);
    await page.goto(`${tutor.baseUrl}/`);
    await expectEmptyStorage(page);
    await page.locator(`${WIDGET} .rt-launcher`).click();
    await askInWidget(page, "提示注入防御怎么学？");
    await waitForAnswer(page);

    const answer = page.locator(`${WIDGET} .rt-assistant`).last();
    const bubbleText = (await answer.locator(".rt-bubble").textContent()) ?? "";
    expect(bubbleText).toContain(`<img src=x onerror="window.__xss='answer-img'">`);
    expect(bubbleText).toContain(`<script>window.__xss='answer-script'</script>`);
    const excerpts = (await answer.locator(".rt-excerpt").allTextContents()).join("\n");
    expect(excerpts).toContain("<img src=x onerror=");
    expect(await answer.locator("img, script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();

    const [view] = await Promise.all([page.waitForEvent("popup"), answer.locator('a.rt-cite[href*="/documents/"]').first().click()]);
    const viewErrors = watchPage(view).errors;
    await view.waitForLoadState("load");
    await view.waitForFunction(() => document.querySelectorAll(".line.hl").length > 0);
    expect(await view.locator("main").textContent()).toContain(`<script>window.__xss='passage-script'</script>`);
    expect(await view.locator("main img, main script").count()).toBe(0);
    expect(await view.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect([...errors, ...viewErrors]).toEqual([]);
  });

  it("renders tokens as they stream, marks the answer busy, and Stop aborts it", async () => {
    const page = await shared.nextTurn([tutor.baseUrl]);
    await page.goto(`${tutor.baseUrl}/`);
    await expectEmptyStorage(page);
    await page.locator(`${WIDGET} .rt-launcher`).click();
    // Record the answer's visible length on every DOM change while it streams.
    await page.evaluate((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const seen: { length: number; busy: string | null }[] = [];
      (window as unknown as { __lengths: typeof seen }).__lengths = seen;
      new MutationObserver(() => {
        const answers = root?.querySelectorAll(".rt-assistant .rt-bubble p");
        const last = answers?.[answers.length - 1];
        if (last)
          seen.push({ length: last.textContent?.length ?? 0, busy: last.closest(".rt-assistant")?.getAttribute("aria-busy") ?? null });
      }).observe(root as ShadowRoot, { childList: true, subtree: true, characterData: true });
    }, WIDGET);

    // A question about the stage itself: "红队测试之后学什么" steps past this corpus's last stage, so its
    // answer is marked low (roadmapContext.ts stepPastEnd) and opens on the low-confidence notice, while
    // this test reads the streamed text of a plain answer.
    await askInWidget(page, "红队测试要怎么练？");
    await page.locator(`${WIDGET} .rt-stop`).waitFor();
    await page.waitForFunction(
      (tag) => (document.querySelector(tag)?.shadowRoot?.querySelector(".rt-assistant .rt-bubble p")?.textContent ?? "").length > 120,
      WIDGET,
    );
    const lengths = await page.evaluate(() => (window as unknown as { __lengths: { length: number; busy: string }[] }).__lengths);
    const partial = lengths.filter((l) => l.busy === "true" && l.length > 0).map((l) => l.length);
    expect(new Set(partial).size).toBeGreaterThanOrEqual(2); // text grew over several renders
    expect(Math.max(...partial)).toBeLessThan(SLOW_ANSWER.length);

    await page.locator(`${WIDGET} .rt-stop`).click();
    await waitForAnswer(page);
    const answer = page.locator(`${WIDGET} .rt-assistant`).last();
    expect(await answer.locator(".rt-note").last().textContent()).toContain("已停止");
    const stoppedText = (await answer.locator(".rt-bubble p").first().textContent()) ?? "";
    expect(stoppedText.length).toBeLessThan(SLOW_ANSWER.length);
    expect(await page.locator(`${WIDGET} .rt-stop`).isHidden()).toBe(true);
    expect(await page.locator(`${WIDGET} .rt-send`).isVisible()).toBe(true);
    // Nothing more arrives after Stop.
    await page.waitForTimeout(300);
    expect((await answer.locator(".rt-bubble p").first().textContent()) ?? "").toBe(stoppedText);
  });
});
