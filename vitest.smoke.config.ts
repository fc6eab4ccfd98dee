import { defineConfig } from "vitest/config";

// `npm run test:smoke`: end-to-end runs of the slow CLIs (benchmarks), kept out of `npm test`.
export default defineConfig({
  test: {
    include: ["tests/**/*.smoke.test.ts"],
    exclude: ["node_modules", "dist", "data"],
    maxWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 200_000,
  },
});
