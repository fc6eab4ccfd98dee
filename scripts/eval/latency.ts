/**
 * `npx tsx scripts/eval/latency.ts FILE.jsonl`: warm per-query latency of retrieve() and search()
 * on the bundled index (each question once to build lazy resources, then 3 timed rounds).
 */
import { loadDataset } from "../../src/evaluation/dataset.js";
import { openOfflineTutor } from "./offlineTutor.js";

const file = process.argv[2] ?? "tests/eval/dev.jsonl";
const { retriever } = await openOfflineTutor();
const questions = (await loadDataset(file)).questions.map((q) => q.question);
let started = performance.now();
for (const q of questions) await retriever.retrieve(q);
console.log(`first pass (builds lazy resources) ${(performance.now() - started).toFixed(0)} ms`);
for (const method of ["search", "retrieve"] as const) {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of questions) {
      started = performance.now();
      await retriever[method](q);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  console.log(
    `${method} p50 ${times[Math.floor(times.length / 2)]!.toFixed(2)} ms  p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(2)} ms`,
  );
}
process.exit(0);
