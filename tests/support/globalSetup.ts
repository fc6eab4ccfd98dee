import type { TestProject } from "vitest/node";
import { cedictEnglishWords, cedictLoaded, releaseCedict } from "../../src/text/cedict.js";
import { launchSharedChromium } from "../browser/support/sharedChromium.js";
import { buildBundledIndex } from "./bundledIndex.js";
import { buildForChildren } from "./childBuild.js";
import { buildRetrievalFixtureIndex } from "./retrievalFixtureIndex.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The websocket endpoint of the run's one Chromium; null when none was launched (sharedChromium.ts). */
    chromiumEndpoint: string | null;
  }
}

/**
 * Runs once per `vitest run`: ingest the bundled corpus and the retrieval fixture corpus for
 * every suite that reads them (see bundledIndex.ts, retrievalFixtureIndex.ts) and, while those
 * ingests run, launch the Chromium every browser suite shares and transpile the project for the
 * child processes the suites start (childBuild.ts).
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
  const [indexes, chromium, childBuild] = await Promise.allSettled([
    buildSharedIndexes(),
    launchSharedChromium(testFiles),
    buildForChildren(),
  ]);
  if (indexes.status === "rejected" || chromium.status === "rejected" || childBuild.status === "rejected") {
    if (indexes.status === "fulfilled") await indexes.value.remove();
    if (chromium.status === "fulfilled") await chromium.value?.close();
    if (childBuild.status === "fulfilled") await childBuild.value.remove();
    throw ([indexes, chromium, childBuild].find((outcome) => outcome.status === "rejected") as PromiseRejectedResult).reason;
  }
  project.provide("bundledIndex", indexes.value.bundled);
  project.provide("retrievalFixtureIndex", indexes.value.retrievalFixture);
  project.provide("chromiumEndpoint", chromium.value?.wsEndpoint() ?? null);
  project.provide("childBuild", childBuild.value.build);
  return async () => {
    await chromium.value?.close();
    await indexes.value.remove();
    await childBuild.value.remove();
  };
}

/**
 * Both shared indexes, one ingest after the other. CC-CEDICT is parsed once for the two and
 * dropped afterwards: an ingest that finds it unparsed parses it for the lexicon and drops it
 * again (src/ingest/buildLexicon.ts), so the second ingest would pay the ~1–3 s parse again.
 */
async function buildSharedIndexes() {
  const parsedHere = !cedictLoaded();
  cedictEnglishWords();
  try {
    const bundled = await buildBundledIndex();
    const retrievalFixture = await buildRetrievalFixtureIndex().catch(async (error: unknown) => {
      await bundled.remove();
      throw error;
    });
    return {
      bundled: bundled.bundled,
      retrievalFixture: retrievalFixture.index,
      remove: async () => {
        await Promise.all([bundled.remove(), retrievalFixture.remove()]);
      },
    };
  } finally {
    if (parsedHere) releaseCedict();
  }
}
