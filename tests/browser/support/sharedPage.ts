import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * One page that a suite's tests take in turn, instead of a new page in a new context per test.
 *
 * Why: a new page costs Chromium ~2 s of CPU before the test does anything (a renderer for the
 * blank tab, then another for the site's first load), and the browser suites made ~28 of them
 * (docs/performance.md, sessions 25 and 27). A later load of the same site in an open page
 * reuses its renderer.
 *
 * What a fresh context gave each test, and how a turn gives it back:
 * - storage: `nextTurn` leaves the last document for about:blank, then clears every storage
 *   Chromium keeps for each of the suite's origins (`Storage.clearDataForOrigin`: localStorage,
 *   sessionStorage, where the widget keeps its conversation, cookies, IndexedDB, cache storage,
 *   service workers), the HTTP cache and cookies. That the reset works is not trusted: each test
 *   *proves* its start with `expectEmptyStorage` after its first load, which fails on anything
 *   an earlier test left (an origin missing from the list, a write after the reset).
 * - the page's own settings: routes, listeners, popups, the emulated colour scheme, reduced
 *   motion and viewport are reset to the ones the suite asks for each turn.
 * Options a page cannot change once made (isMobile, hasTouch) still need a page of their own.
 */
export interface TurnOptions {
  viewport?: { width: number; height: number };
  colorScheme?: "light" | "dark";
  reducedMotion?: "reduce" | "no-preference";
}

/** What `browser.newPage()` gives without options: playwright's default viewport, light, motion allowed. */
const NEW_PAGE_DEFAULTS: Required<TurnOptions> = {
  viewport: { width: 1280, height: 720 },
  colorScheme: "light",
  reducedMotion: "no-preference",
};

/** Listeners a test may add to the page (watchPage, request logs, popups, downloads). */
const TEST_EVENTS = ["pageerror", "dialog", "request", "requestfailed", "response", "popup", "console", "download"] as const;

export class SharedPage {
  private constructor(
    private readonly page: Page,
    private readonly defaults: Required<TurnOptions>,
  ) {}

  /** A page in a context of its own; `defaults` are what every turn starts from (else `browser.newPage()`'s). */
  static async open(browser: Browser, defaults: TurnOptions = {}, contextOptions: BrowserContextOptions = {}): Promise<SharedPage> {
    const full = { ...NEW_PAGE_DEFAULTS, ...defaults };
    const context = await browser.newContext({ ...contextOptions, ...full });
    return new SharedPage(await context.newPage(), full);
  }

  /**
   * Hand the page to the next test: what the last one left (documents, storage of `origins`,
   * HTTP cache, cookies, routes, listeners, popups) is gone, and the defaults, with `options`
   * over them, are applied.
   */
  async nextTurn(origins: readonly string[], options: TurnOptions = {}): Promise<Page> {
    const page = this.page;
    for (const event of TEST_EVENTS) page.removeAllListeners(event);
    await page.unrouteAll({ behavior: "ignoreErrors" });
    const context = page.context();
    for (const other of context.pages()) if (other !== page) await other.close();
    await page.goto("about:blank");
    const cdp = await context.newCDPSession(page);
    try {
      for (const origin of origins) await cdp.send("Storage.clearDataForOrigin", { origin, storageTypes: "all" });
      await cdp.send("Network.clearBrowserCache");
    } finally {
      await cdp.detach();
    }
    await context.clearCookies();
    const turn = { ...this.defaults, ...options };
    await page.setViewportSize(turn.viewport);
    await page.emulateMedia({ colorScheme: turn.colorScheme, reducedMotion: turn.reducedMotion });
    return page;
  }
}

/**
 * What a fresh context starts with, checked in the page after a test's first load: no
 * localStorage, no sessionStorage, no cookies for the page's origin.
 */
export async function expectEmptyStorage(page: Page): Promise<void> {
  const kept = await page.evaluate(() => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    cookies: document.cookie,
  }));
  expect(kept, `storage left on ${page.url()} by an earlier test`).toEqual({ localStorage: [], sessionStorage: [], cookies: "" });
}
