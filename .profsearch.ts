import { parseConfig } from "./src/config.js";
import { openTutor } from "./src/tutor.js";
import { distinctQuestion } from "./scripts/bench/queries.js";
const config = parseConfig({ LOG_LEVEL: "silent", INDEX_DIR: "./data/index" });
const tutor = await openTutor(config, { buildIfMissing: true });
const mode = process.argv[2] ?? "search";
for (let i = 0; i < 300; i++) await tutor.retriever.search(distinctQuestion(i + 5000), { k: 5 } as never).catch(() => undefined);
const t = performance.now();
const N = 1500;
for (let i = 0; i < N; i++) {
  if (mode === "search") await tutor.retriever.search(distinctQuestion(i), { k: 5 } as never);
  else await tutor.answerer.answer({ question: distinctQuestion(i) } as never);
}
console.log(mode, ((performance.now() - t) / N).toFixed(3), "ms/op");
process.exit(0);
