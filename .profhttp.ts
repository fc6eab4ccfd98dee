import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import { buildTutorApp } from "./src/app.js";
import { parseConfig } from "./src/config.js";
import { openTutor } from "./src/tutor.js";
import { distinctQuestion } from "./scripts/bench/queries.js";
import { benchEnv } from "./scripts/bench/workspace.js";
const config = parseConfig(benchEnv({ INDEX_DIR: "./data/index" }));
const app = await buildTutorApp(await openTutor(config, { buildIfMissing: true }), { logger: false });
const url = process.argv[2] ?? "/api/search";
const body = (i: number) => (url === "/api/search" ? { query: distinctQuestion(i) } : { question: distinctQuestion(i) });
for (let i = 0; i < 500; i++) await app.inject({ method: "POST", url, payload: body(5000 + i) });
const session = new Session(); session.connect();
await session.post("Profiler.enable"); await session.post("Profiler.setSamplingInterval", { interval: 100 }); await session.post("Profiler.start");
const N = 2000;
const t = performance.now();
for (let i = 0; i < N; i++) {
  const r = await app.inject({ method: "POST", url, payload: body(i) });
  if (r.statusCode !== 200) throw new Error(r.body);
}
const elapsed = (performance.now() - t) / N;
const { profile } = await session.post("Profiler.stop");
writeFileSync(process.argv[3] ?? "/tmp/p.cpuprofile", JSON.stringify(profile));
console.log(url, elapsed.toFixed(3), "ms/req");
await app.close();
process.exit(0);
