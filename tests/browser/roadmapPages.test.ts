import { mkdir, readFile } from "node:fs/promises";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { axeViolations, seriousFindings } from "./support/axe.js";
import { describeInBrowser, connectChromium, watchPage } from "./support/browser.js";
import { expectEmptyStorage, SharedPage } from "./support/sharedPage.js";
import { startTutor, type RunningTutor } from "./support/startTutor.js";

/**
 * The roadmap pages against the real offline app (real index over the bundled roadmaps), in
 * chromium: the graph, "you are here", stage links into the document view, progress kept in
 * localStorage, the phone layout, both themes and axe.
 */

const STAGES_001 = [
  "第一阶段：基础理论入门",
  "第二阶段：核心技术解析",
  "第三阶段：编程基础与工具使用",
  "第四阶段：实战项目与案例分析",
  "第五阶段：高级应用开发",
  "第六阶段：模型微调与私有化部署",
  "第七阶段：前沿技术探索",
];

const WIDE = { width: 1280, height: 900 };

describeInBrowser("roadmap pages in the browser (offline app)", () => {
  let browser: Browser;
  let tutor: RunningTutor;
  let id001: string;
  /** The tests' one page, taken in turn (sharedPage.ts): each test proves it starts with empty storage. */
  let shared: SharedPage;

  beforeAll(async () => {
    [browser, tutor] = await Promise.all([connectChromium(), startTutor()]);
    id001 = tutor.test.tutor.index.current().documents.find((d) => d.source.startsWith("roadmaps/001"))!.id;
    await mkdir("test-artifacts", { recursive: true });
    shared = await SharedPage.open(browser, { viewport: WIDE, reducedMotion: "reduce" }, { acceptDownloads: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await tutor?.close();
  });

  async function pageForTest(): Promise<{ page: Page; errors: string[] }> {
    const page = await shared.nextTurn([tutor.baseUrl]);
    return { page, errors: watchPage(page).errors };
  }

  /** A page of its own, for context options a page cannot change once made (isMobile, hasTouch). */
  async function newPage(options: BrowserContextOptions): Promise<Page> {
    const context = await browser.newContext({ reducedMotion: "reduce", ...options });
    return context.newPage();
  }

  const headingsIn = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((els) => els.map((el) => el.getAttribute("data-heading") ?? ""));

  it("draws 001's stages in order, as a graph and as an ordered list, merged from its two outlines", async () => {
    const { page, errors } = await pageForTest();
    await page.goto(`${tutor.baseUrl}/roadmaps/${id001}`);
    await expectEmptyStorage(page);
    const graph = page.locator("svg.graph-horizontal");
    expect(await graph.isVisible()).toBe(true);
    expect(await headingsIn(page, "svg.graph-horizontal a.stage-node")).toEqual(STAGES_001);
    expect(
      await page.locator("svg.graph-horizontal a.stage-node").evaluateAll((els) => els.map((el) => el.getAttribute("data-step"))),
    ).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(await headingsIn(page, "ol.stages > li")).toEqual(STAGES_001);
    expect(await page.locator("[data-arrangement]").getAttribute("data-arrangement")).toBe("merged");
    expect(await page.locator("[data-arrangement]").textContent()).toContain("学习笔记");
    // Boxes follow reading order on screen: left to right, then the next row.
    const boxes = await page
      .locator("svg.graph-horizontal a.stage-node rect.box")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y })));
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.y > boxes[i - 1]!.y + 1 || (Math.abs(boxes[i]!.y - boxes[i - 1]!.y) < 1 && boxes[i]!.x > boxes[i - 1]!.x)).toBe(
        true,
      );
    // Arrow keys move between stages in the graph.
    await page.locator("svg.graph-horizontal a.stage-node").first().focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-step"))).toBe("2");
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-step"))).toBe("7");
    expect(errors).toEqual([]);
  });

  it("?topic=LoRA marks 第六阶段 as current (aria-current=step in graph and list) and 第七阶段 as next", async () => {
    const { page, errors } = await pageForTest();
    await page.goto(`${tutor.baseUrl}/roadmaps/${id001}?topic=LoRA`);
    await expectEmptyStorage(page);
    expect(await headingsIn(page, 'svg.graph-horizontal a[aria-current="step"]')).toEqual(["第六阶段：模型微调与私有化部署"]);
    expect(await headingsIn(page, 'ol.stages > li[aria-current="step"]')).toEqual(["第六阶段：模型微调与私有化部署"]);
    expect(await headingsIn(page, "svg.graph-horizontal a.is-next")).toEqual(["第七阶段：前沿技术探索"]);
    expect(await headingsIn(page, "ol.stages > li.is-next")).toEqual(["第七阶段：前沿技术探索"]);
    expect(await headingsIn(page, "ol.stages > li.is-previous")).toEqual(["第五阶段：高级应用开发"]);
    expect(await page.locator(".here").textContent()).toContain("第七阶段：前沿技术探索");
    await page.screenshot({ path: "test-artifacts/roadmap-001-lora.png", fullPage: true });

    // The index places the topic in every roadmap that has it.
    await page.goto(`${tutor.baseUrl}/roadmaps?topic=LoRA`);
    expect(await page.locator("li.card").count()).toBe(5);
    const card = page.locator(`li.card[data-card-roadmap="${id001}"]`);
    expect(await card.locator('li[aria-current="step"]').getAttribute("data-heading")).toBe("第六阶段：模型微调与私有化部署");
    expect(await card.locator("li.is-next").getAttribute("data-heading")).toBe("第七阶段：前沿技术探索");
    await page.screenshot({ path: "test-artifacts/roadmaps-index-lora.png", fullPage: true });
    expect(errors).toEqual([]);
  });

  it("clicking a stage opens its lines highlighted in the document view", async () => {
    const { page } = await pageForTest();
    await page.goto(`${tutor.baseUrl}/roadmaps/${id001}`);
    await expectEmptyStorage(page);
    await Promise.all([page.waitForURL(/\/documents\//), page.locator('svg.graph-horizontal a.stage-node[data-step="6"]').click()]);
    expect(new URL(page.url()).hash).toBe("#L31-L35");
    const highlighted = await page.locator(".line.hl").evaluateAll((els) => els.map((el) => el.id));
    expect(highlighted).toEqual(["L31", "L32", "L33", "L34", "L35"]);
    expect(await page.locator("#L31").textContent()).toContain("第六阶段：模型微调与私有化部署");
  });

  it("keeps a progress tick across a reload and an export/import round trip, sending nothing to the server", async () => {
    const { page, errors } = await pageForTest();
    const url = `${tutor.baseUrl}/roadmaps/${id001}`;
    await page.goto(url);
    await expectEmptyStorage(page);
    const requests: string[] = [];
    page.on("request", (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    const tick = page.locator('li.stage[data-step="2"] input[type=checkbox]');
    await tick.check();
    expect(await page.locator('svg.graph-horizontal a.stage-node[data-step="2"]').getAttribute("class")).toContain("done");

    await page.reload();
    expect(await tick.isChecked()).toBe(true);
    expect(await page.locator('svg.graph-horizontal a.stage-node[data-step="2"]').getAttribute("class")).toContain("done");
    expect(await page.locator("#progress-count").textContent()).toContain("1");

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#progress-export").click()]);
    const file = "test-artifacts/roadmap-progress-export.json";
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, "utf8")) as { format: string; entries: { roadmapId: string; done: string[] }[] };
    expect(exported.format).toBe("roadmap-tutor-progress");
    expect(exported.entries.find((e) => e.roadmapId === id001)?.done).toEqual(["第二阶段：核心技术解析"]);

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    expect(await tick.isChecked()).toBe(false);
    await page.locator("#progress-import").setInputFiles(file);
    await expect.poll(() => tick.isChecked()).toBe(true);
    await page.reload();
    expect(await tick.isChecked()).toBe(true);

    // Only page loads and their script: no request carries progress anywhere.
    expect(requests.filter((r) => !r.startsWith("GET /roadmaps/") && r !== "GET /assets/roadmap-page.js")).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("uses the vertical layout on a 390 px phone, with no sideways scrolling", async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${tutor.baseUrl}/roadmaps/${id001}?topic=LoRA`);
    expect(await page.locator("svg.graph-vertical").isVisible()).toBe(true);
    expect(await page.locator("svg.graph-horizontal").isVisible()).toBe(false);
    const boxes = await page
      .locator("svg.graph-vertical rect.box")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: Math.round(r.x), y: r.y, right: r.right })));
    expect(new Set(boxes.map((b) => b.x)).size).toBe(1);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y);
    expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-artifacts/roadmap-001-phone.png", fullPage: true });
  });

  it("has no serious or critical axe violations in light and dark themes, wide and narrow", async () => {
    const wide = { width: 1280, height: 900 };
    const narrow = { width: 390, height: 844 };
    const cases: [string, "light" | "dark", { width: number; height: number }][] = [
      [`/roadmaps/${id001}?topic=LoRA`, "light", wide],
      [`/roadmaps/${id001}?topic=LoRA`, "dark", wide],
      ["/roadmaps?topic=LoRA", "light", wide],
      ["/roadmaps", "dark", narrow],
      [`/roadmaps/${id001}?topic=LoRA&lang=zh`, "dark", narrow],
    ];
    // One page for the five cases, its colour scheme and size set before each load as a new
    // context's options would set them: a fresh page costs Chromium ~2 s of CPU (two renderers
    // started) before it loads anything. Nothing here ticks progress; each load proves the storage empty.
    const { page } = await pageForTest();
    for (const [path, colorScheme, viewport] of cases) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(viewport);
      await page.goto(`${tutor.baseUrl}${path}`);
      await expectEmptyStorage(page);
      expect(await page.evaluate(() => [matchMedia("(prefers-color-scheme: dark)").matches, innerWidth])).toEqual([
        colorScheme === "dark",
        viewport.width,
      ]);
      await page.locator('li.stage[data-step="1"] input[type=checkbox], li.card').first().waitFor();
      expect(seriousFindings(await axeViolations(page)), `${path} ${colorScheme} ${viewport.width}px`).toEqual([]);
      if (path === `/roadmaps/${id001}?topic=LoRA` && colorScheme === "dark")
        await page.screenshot({ path: "test-artifacts/roadmap-001-dark.png", fullPage: true });
    }
  }, 120_000);
});
