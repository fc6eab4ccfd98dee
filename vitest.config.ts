import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // *.smoke.test.ts run the slow CLIs end to end: `npm run test:smoke` (vitest.smoke.config.ts).
    exclude: ["node_modules", "dist", "data", "tests/**/*.smoke.test.ts"],
    // Several suites build real HNSW indexes and start real servers; on a 2-core machine
    // two workers keep the run fast without starving the servers they start.
    maxWorkers: 2,
    // The bundled corpus is ingested once for the whole run and shared (tests/support/bundledIndex.ts).
    globalSetup: ["tests/support/globalSetup.ts"],
    // Each worker parses the Chinese–English dictionary once instead of once per fresh ingest (parsedDictionary.ts).
    setupFiles: ["tests/support/parsedDictionary.ts"],
    // Test files share the modules they import within a worker instead of re-importing
    // LangChain, jieba and the pipeline per file: this halves the suite's CPU time. Tests keep
    // no state in modules (no vi.mock, no env stubs), so sharing them changes no outcome.
    isolate: false,
    // Deadlines, not timing assertions: on a shared 2-core machine at load ~15, a test that
    // builds an app and streams an answer took just over 30 s (four such tests failed on the
    // old 30 s limit). A hung test still fails, after 90 s.
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
