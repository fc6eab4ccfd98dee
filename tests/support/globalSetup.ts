import type { TestProject } from "vitest/node";
import { launchSharedChromium } from "../browser/support/sharedChromium.js";
import { buildBundledIndex } from "./bundledIndex.js";
import { buildForChildren } from "./childBuild.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The websocket endpoint of the run's one Chromium; null when none was launched (sharedChromium.ts). */
    chromiumEndpoint: string | null;
  }
}

/**
 * Runs once per `vitest run`: ingest the bundled corpus for every suite that reads it (see
 * bundledIndex.ts) and, while that ingest runs, launch the Chromium every browser suite shares
 * and transpile the project for the child processes the suites start (childBuild.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The files of this run, known before the global setup (an experimental API: without it the browser is launched anyway).
  const testFiles = (() => {
    try {
      return project.vitest.state.getPaths();
    } catch {
      return undefined;
    }
  })();
  const [index, chromium, childBuild] = await Promise.allSettled([
    buildBundledIndex(),
    launchSharedChromium(testFiles),
    buildForChildren(),
  ]);
  if (index.status === "rejected" || chromium.status === "rejected" || childBuild.status === "rejected") {
    if (index.status === "fulfilled") await index.value.remove();
    if (chromium.status === "fulfilled") await chromium.value?.close();
    if (childBuild.status === "fulfilled") await childBuild.value.remove();
    throw ([index, chromium, childBuild].find((outcome) => outcome.status === "rejected") as PromiseRejectedResult).reason;
  }
  project.provide("bundledIndex", index.value.bundled);
  project.provide("chromiumEndpoint", chromium.value?.wsEndpoint() ?? null);
  project.provide("childBuild", childBuild.value.build);
  return async () => {
    await chromium.value?.close();
    await index.value.remove();
    await childBuild.value.remove();
  };
}
