import { mkdir } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { askInWidget, describeInBrowser, connectChromium, waitForAnswer, watchPage, WIDGET } from "./support/browser.js";
import { startTutor, type RunningTutor } from "./support/startTutor.js";

/** The widget's stage strip under a what-next answer, against the real offline app, on the demo page (same origin as the roadmap pages). */
describeInBrowser("widget stage strip in the browser", () => {
  let browser: Browser;
  let tutor: RunningTutor;
  let id001: string;

  beforeAll(async () => {
    [browser, tutor] = await Promise.all([connectChromium(), startTutor()]);
    id001 = tutor.test.tutor.index.current().documents.find((d) => d.source.startsWith("roadmaps/001"))!.id;
    await mkdir("test-artifacts", { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await tutor?.close();
  });

  it("marks the current and next stages, shows progress ticked on the roadmap page, and links to the page", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, reducedMotion: "reduce" });
    const { errors } = watchPage(page);
    // Tick 第一阶段 on the roadmap page; the widget on the same origin shows it.
    await page.goto(`${tutor.baseUrl}/roadmaps/${id001}`);
    await page.locator('li.stage[data-step="1"] input[type=checkbox]').check();

    await page.goto(`${tutor.baseUrl}/`);
    await page.locator(`${WIDGET} .rt-launcher`).click();
    await askInWidget(page, "学完 LoRA 之后该学什么？");
    await waitForAnswer(page);
    const strip = page.locator(`${WIDGET} .rt-strip[data-roadmap="${id001}"]`);
    await strip.waitFor();
    const dots = await strip.locator("circle.rt-dot").evaluateAll((els) => els.map((el) => el.getAttribute("class")));
    expect(dots).toEqual(["rt-dot rt-done", "rt-dot", "rt-dot", "rt-dot", "rt-dot", "rt-dot rt-now", "rt-dot rt-other"]);
    expect(await strip.locator('li[aria-current="step"]').textContent()).toContain("第六阶段：模型微调与私有化部署");
    expect(await strip.locator(".rt-strip-other").textContent()).toContain("第七阶段：前沿技术探索");
    const href = await strip.locator("a.rt-strip-link").getAttribute("href");
    expect(href).toBe(`${tutor.baseUrl}/roadmaps/${id001}?topic=LoRA`);
    await strip.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-artifacts/widget-stage-strip.png" });

    // The strip is kept with the conversation.
    await page.reload();
    await page.locator(`${WIDGET} .rt-launcher`).click();
    expect(await page.locator(`${WIDGET} .rt-strip[data-roadmap="${id001}"] circle.rt-now`).count()).toBe(1);

    await page.goto(href!);
    expect(await page.locator('ol.stages > li[aria-current="step"]').getAttribute("data-heading")).toBe("第六阶段：模型微调与私有化部署");
    expect(errors).toEqual([]);
  });
});
