import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  askInWidget,
  connectChromium,
  describeInBrowser,
  NON_LOCAL_HOST_NAME,
  startHostPage,
  waitForAnswer,
  watchPage,
  WIDGET,
} from "./support/browser.js";
import { expectEmptyStorage, SharedPage } from "./support/sharedPage.js";
import { startTutor, type RunningTutor } from "./support/startTutor.js";

/**
 * The HTTP edge as real browsers meet it: /docs on a host name that is not localhost, the
 * official `openai` SDK from a page on another origin (CORS preflight with its x-stainless-*
 * headers), and the blog recipe (PUBLIC_ROUTES=widget: the widget answers, /v1 refuses).
 */

const KEY = "browser-edge-key-0000000001";
// A host name that is not localhost, resolved to loopback by the shared chromium itself (its --host-resolver-rules).
const HOST_NAME = NON_LOCAL_HOST_NAME;

/** The real `openai` SDK bundled for the browser, as a chat app in client mode ships it. */
async function openAiSdkBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import OpenAI from "openai";
// Errors come back as data: a rejected evaluate carries a page stack vitest cannot map.
window.askWithSdk = async (baseURL, apiKey) => {
  try {
    const client = new OpenAI({ baseURL, apiKey, dangerouslyAllowBrowser: true, maxRetries: 0, organization: "org-test", project: "proj-test" });
    const models = await client.models.list();
    const reply = await client.chat.completions.create({ model: "roadmap-tutor", messages: [{ role: "user", content: "学完 LoRA 之后该学什么？" }] });
    return { models: models.data.map((m) => m.id), content: reply.choices[0].message.content };
  } catch (error) {
    return { error: String(error), models: [], content: "" };
  }
};`,
      resolveDir: process.cwd(),
      loader: "js",
    },
    bundle: true,
    platform: "browser",
    format: "iife",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

describeInBrowser("HTTP edge in chromium", () => {
  let browser: Browser;
  let tutor: RunningTutor;
  let blog: { origin: string; close(): Promise<void> };
  let sdkPage: { origin: string; close(): Promise<void> };
  /** The tests' one page, taken in turn (sharedPage.ts): each test proves it starts with empty storage. */
  let shared: SharedPage;
  const pageForTest = () => shared.nextTurn([tutor.baseUrl, tutor.baseUrl.replace("127.0.0.1", HOST_NAME), blog.origin, sdkPage.origin]);

  beforeAll(async () => {
    let tutorUrl = "";
    const sdk = await openAiSdkBundle();
    blog = await startHostPage(
      () => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><h1>My blog</h1>
<script src="${tutorUrl}/widget.js" data-endpoint="${tutorUrl}" defer></script></body></html>`,
    );
    sdkPage = await startHostPage(
      () =>
        `<!doctype html><html><head><meta charset="utf-8"></head><body><script>${sdk.replaceAll("</script", "<\\/script")}</script></body></html>`,
    );
    [browser, tutor] = await Promise.all([
      connectChromium(),
      startTutor({ env: { API_KEYS: KEY, PUBLIC_ROUTES: "widget", ALLOWED_ORIGINS: `${blog.origin},${sdkPage.origin}` } }),
    ]);
    tutorUrl = tutor.baseUrl;
    shared = await SharedPage.open(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await tutor?.close();
    await blog?.close();
    await sdkPage?.close();
  });

  it("/docs renders on a host name other than localhost over plain http (issue 18 item 1)", async () => {
    const page = await pageForTest();
    const failed: string[] = [];
    page.on("requestfailed", (request) => failed.push(request.url()));
    const docsUrl = tutor.baseUrl.replace("127.0.0.1", HOST_NAME);
    await page.goto(`${docsUrl}/docs`);
    await expectEmptyStorage(page);
    await page.locator(".swagger-ui .info .title").waitFor({ timeout: 20_000 });
    expect(await page.locator(".swagger-ui .info .title").textContent()).toContain("Roadmap Tutor API");
    expect(await page.locator(".opblock").count()).toBeGreaterThan(5);
    expect(failed).toEqual([]);
  });

  it("the official openai SDK works from a page on another origin (issue 18 item 4)", async () => {
    const page = await pageForTest();
    await page.goto(`${sdkPage.origin}/`);
    await expectEmptyStorage(page);
    const result = await page.evaluate(
      ([baseURL, key]) =>
        (
          window as unknown as { askWithSdk(b: string, k: string): Promise<{ error?: string; models: string[]; content: string }> }
        ).askWithSdk(baseURL!, key!),
      [`${tutor.baseUrl}/v1`, KEY],
    );
    expect(result.error).toBeUndefined(); // on a CORS refusal: "Connection error."
    expect(result.models).toContain("roadmap-tutor");
    expect(result.content.length).toBeGreaterThan(20);
  });

  it("blog recipe: the widget answers without a key while /v1 refuses (issue 13 item 20)", async () => {
    const page = await pageForTest();
    const { errors } = watchPage(page);
    await page.goto(`${blog.origin}/`);
    await expectEmptyStorage(page);
    await page.locator(`${WIDGET} .rt-launcher`).click();
    await askInWidget(page, "学完 LoRA 之后该学什么？");
    await waitForAnswer(page);
    const answer = (await page.locator(`${WIDGET} .rt-assistant .rt-bubble`).last().textContent()) ?? "";
    expect(answer.length).toBeGreaterThan(20);

    const v1Status = await page.evaluate(async (url) => {
      const res = await fetch(`${url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "roadmap-tutor", messages: [{ role: "user", content: "hi there" }] }),
      });
      return res.status;
    }, tutor.baseUrl);
    expect(v1Status).toBe(401);
    expect(errors).toEqual([]);
  });
});
