/**
 * `npx tsx scripts/eval/matching.ts FILE.jsonl [--by-class]`: a quick, in-process measurement of
 * the matching work (issue 14) on a question set with the blind-set fields (classes, history).
 * For each question: the standalone query the offline answerer would retrieve with (history
 * carried in), then hit@5 on retrieve()'s passages, refused (offline answer abstained) for
 * answerable questions, caught (abstained or weak) for unanswerable ones. Prints totals and,
 * with --by-class, per failure class. Never prints questions: the tune set stays unread here.
 */
import { historyTurns, loadDataset } from "../../src/evaluation/dataset.js";
import { isGold, locateQuote, type LocatedGold } from "../../src/evaluation/goldMatching.js";
import { openOfflineTutor } from "./offlineTutor.js";

const [file, ...flags] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx scripts/eval/matching.ts FILE.jsonl [--by-class]");
  process.exit(2);
}
const { retriever, answerer, index } = await openOfflineTutor();
const sourceText = new Map(index.documents.map((d) => [d.source, d.text]));

interface Tally {
  n: number;
  hit: number;
  answerable: number;
  refused: number;
  unanswerable: number;
  caught: number;
}
const tallies = new Map<string, Tally>();
const tally = (key: string) =>
  tallies.get(key) ?? (tallies.set(key, { n: 0, hit: 0, answerable: 0, refused: 0, unanswerable: 0, caught: 0 }), tallies.get(key)!);
const latencies: number[] = [];

for (const line of (await loadDataset(file)).questions) {
  const history = historyTurns(line.history);
  const answer = await answerer.answer({ question: line.question, history, k: 5 });
  const started = performance.now();
  const result = await retriever.retrieve(answer.standaloneQuestion, { k: 5 });
  latencies.push(performance.now() - started);
  const golds: LocatedGold[] = line.gold.map((g) => ({
    ...g,
    occurrences: locateQuote(sourceText.get(g.document) ?? "", g.quote),
  }));
  const hit = result.passages
    .slice(0, 5)
    .some((p) =>
      isGold({ source: sourceOf(p.chunk.docId), text: p.chunk.text, startLine: p.chunk.startLine, endLine: p.chunk.endLine }, golds),
    );
  for (const key of ["all", ...(flags.includes("--by-class") ? line.classes : [])]) {
    const t = tally(key);
    t.n++;
    if (line.unanswerable) {
      t.unanswerable++;
      if (answer.abstained || result.weak) t.caught++;
    } else {
      t.answerable++;
      if (hit) t.hit++;
      if (answer.abstained) t.refused++;
    }
  }
}

function sourceOf(docId: string): string {
  return index.documents.find((d) => d.id === docId)?.source ?? "";
}

const pct = (a: number, b: number) => (b === 0 ? "  n/a" : `${((100 * a) / b).toFixed(1).padStart(5)}`);
console.log("class                n   hit@5%  refused%  caught%");
for (const [key, t] of tallies) {
  console.log(
    `${key.padEnd(18)} ${String(t.n).padStart(3)}   ${pct(t.hit, t.answerable)}   ${pct(t.refused, t.answerable)}   ${pct(t.caught, t.unanswerable)}`,
  );
}
latencies.sort((a, b) => a - b);
console.log(
  `retrieve p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(1)} ms  p95 ${latencies[Math.floor(latencies.length * 0.95)]?.toFixed(1)} ms`,
);
process.exit(0);
