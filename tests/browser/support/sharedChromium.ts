import { existsSync } from "node:fs";
import { chromium, type BrowserServer } from "playwright-core";

/**
 * The Chromium the browser suites drive: Debian's headless shell (package chromium-headless-shell:
 * Chromium's old headless mode, which Playwright itself runs for headless Chromium) when it is
 * installed, else the full browser. Both are the same Blink and V8, so the DOM, layout, axe and
 * screenshots the suites check are the same; the shell has no browser UI layer, and over the
 * browser suites Chromium took about half the CPU (27 s against 55 s of CPU, session 35), the
 * largest single saving in a suite that is CPU-bound on two cores.
 */
const CHROMIUM_CANDIDATES = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"] as const;
export const CHROMIUM_PATH: string = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate)) ?? CHROMIUM_CANDIDATES[0];

/**
 * A host name that is not localhost (tests/browser/httpEdge.test.ts opens /docs on it), which
 * the shared Chromium resolves to loopback itself. A name under .test is never a real host, so
 * the rule changes nothing for the other suites.
 */
export const NON_LOCAL_HOST_NAME = "tutor.test";

/**
 * One Chromium for the whole test run, launched by the vitest global setup
 * (tests/support/globalSetup.ts) and reached by every browser suite over its websocket
 * (`connectChromium()` in browser.ts). A launch costs about 2.5 s of CPU and its close waits
 * seconds on a busy machine; six suites each paid both. Suites stay apart as before: each makes
 * its own contexts, whose pages, storage and cookies no other suite sees, and its disconnect
 * closes them.
 *
 * Launched only when the run includes a browser suite and chromium is installed (else
 * undefined: describeInBrowser then skips, or fails in CI, as it says).
 */
export async function launchSharedChromium(testFiles: readonly string[] | undefined): Promise<BrowserServer | undefined> {
  if (!existsSync(CHROMIUM_PATH)) return undefined;
  // Without the list (a vitest that no longer exposes it, or one that has not collected the files
  // yet and gives none), launch: correctness over the saving.
  if (testFiles && testFiles.length > 0 && !testFiles.some((file) => file.includes("/tests/browser/"))) return undefined;
  return chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--host-resolver-rules=MAP ${NON_LOCAL_HOST_NAME} 127.0.0.1`,
    ],
  });
}
