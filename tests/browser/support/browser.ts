import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";

import { chromium, type Browser, type Page } from "playwright-core";
import { describe, inject, it } from "vitest";
import { CHROMIUM_PATH } from "./sharedChromium.js";

export { CHROMIUM_PATH, NON_LOCAL_HOST_NAME } from "./sharedChromium.js";
const MISSING = `chromium not found at ${CHROMIUM_PATH}; install it with: apt-get install -y chromium-headless-shell fonts-wqy-zenhei`;

/**
 * describe() for browser suites: skipped with an install hint when chromium is missing, except
 * in CI (CI=true), where a missing browser fails the run instead of silently passing.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, suite);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      it("needs chromium", () => {
        throw new Error(MISSING);
      });
    });
  } else {
    console.warn(`[browser tests] skipping "${name}": ${MISSING}`);
    describe.skip(`${name} (${MISSING})`, suite);
  }
}

/**
 * The run's one Chromium (sharedChromium.ts), connected to for this suite. `close()` on the
 * result disconnects, which closes every context the suite made, and leaves the browser to the
 * other suites.
 */
export function connectChromium(): Promise<Browser> {
  const endpoint = inject("chromiumEndpoint");
  if (!endpoint) throw new Error(`the global setup launched no chromium: ${MISSING}`);
  return chromium.connect(endpoint);
}

/** A tiny static server for a "blog" on another origin; html(path) is called per request. */
export async function startHostPage(html: (path: string) => string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html(req.url ?? "/"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const WIDGET = "roadmap-tutor-widget";

/** Fails the test on any page error or dialog (an executed XSS payload would raise one). */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("dialog", (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { errors };
}

export async function askInWidget(page: Page, question: string, nth = 0): Promise<void> {
  const input = page.locator(`${WIDGET} >> nth=${nth}`).locator(".rt-input");
  await input.fill(question);
  await input.press("Enter");
}

/** Wait until the last answer of the nth widget has finished streaming. */
export async function waitForAnswer(page: Page, nth = 0, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    ({ nth, tag }) => {
      const root = document.querySelectorAll(tag)[nth]?.shadowRoot;
      const answers = root?.querySelectorAll(".rt-assistant");
      const last = answers?.[answers.length - 1];
      return Boolean(last && last.getAttribute("aria-busy") === "false");
    },
    { nth, tag: WIDGET },
    { timeout },
  );
}

/** Class name of the focused element inside the widget's shadow root ("" when focus is elsewhere). */
export function focusedInWidget(page: Page, nth = 0): Promise<string> {
  return page.evaluate(
    ({ nth, tag }) => {
      const active = document.querySelectorAll(tag)[nth]?.shadowRoot?.activeElement;
      return active ? `${active.tagName.toLowerCase()}.${active.className}` : "";
    },
    { nth, tag: WIDGET },
  );
}
