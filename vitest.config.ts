import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // *.smoke.test.ts run the slow CLIs end to end: `npm run test:smoke` (vitest.smoke.config.ts).
    exclude: ["node_modules", "dist", "data", "tests/**/*.smoke.test.ts"],
    // Several suites build real HNSW indexes and start real servers; on a 2-core machine
    // two workers keep the run fast without starving the servers they start.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
