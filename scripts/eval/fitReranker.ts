/**
 * `npx tsx scripts/eval/fitReranker.ts FILE.jsonl [FILE.jsonl …]`: fit the re-ranker
 * (src/retrieval/rerank.ts) on the answerable questions of the files and print held-out figures:
 *   - for each file, the model fitted on the other files and scored on it (two-way holdout);
 *   - 5-fold cross-validation over all questions (folds by a hash of the id);
 *   - the model fitted on everything, as the TypeScript for src/retrieval/rerankModel.ts.
 * hit@5 here is "a gold passage among the first 5 fused candidates" for the standalone question,
 * before diversity and roadmap context: a ranking figure, not the end-to-end one (`npm run eval`).
 * It never prints questions. Knobs for experiments (environment):
 *   - FIT_L2 (default 0.01), FIT_STEPS (1500), FIT_RATE (0.5);
 *   - FIT_FEATURES: a comma list of features to fit; the others stay at weight 0;
 *   - FIT_EXAMPLES: a JSON file the candidates' features and labels are written to, or read from
 *     when it exists, so later fits skip running the questions (delete it after changing a feature);
 *   - FIT_HELD_OUT: a comma list of files among those given, never fitted on, only scored by the
 *     final fit and by the shipped model (sets nobody studied, as a generalization check);
 *   - FIT_SKIP_FILES: set to skip the fit per held-out file (the folds and the final fit remain).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { historyTurns, loadDataset } from "../../src/evaluation/dataset.js";
import { isGold, locateQuote } from "../../src/evaluation/goldMatching.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { FEATURE_NAMES, type RerankModel } from "../../src/retrieval/rerank.js";
import { RERANK_MODEL } from "../../src/retrieval/rerankModel.js";
import { openOfflineTutor } from "./offlineTutor.js";

interface Example {
  id: string;
  file: string;
  features: number[][];
  labels: boolean[];
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: npx tsx scripts/eval/fitReranker.ts FILE.jsonl [FILE.jsonl …]");
  process.exit(2);
}
const cached = process.env.FIT_EXAMPLES;
const collected: Example[] = cached && existsSync(cached) ? (JSON.parse(readFileSync(cached, "utf8")) as Example[]) : await runQuestions();
if (cached && !existsSync(cached)) writeFileSync(cached, JSON.stringify(collected));
const heldOutFiles = new Set(process.env.FIT_HELD_OUT ? process.env.FIT_HELD_OUT.split(",") : []);
const examples = collected.filter((e) => files.includes(e.file) && !heldOutFiles.has(e.file));
const heldOutExamples = collected.filter((e) => files.includes(e.file) && heldOutFiles.has(e.file));

async function runQuestions(): Promise<Example[]> {
  const { retriever, answerer, index } = await openOfflineTutor();
  if (!(retriever instanceof HybridRetriever)) throw new Error("the offline retriever is expected to be the hybrid one");
  const sourceText = new Map(index.documents.map((d) => [d.source, d.text]));

  const examples: Example[] = [];
  for (const file of files) {
    for (const line of (await loadDataset(file)).questions) {
      if (line.unanswerable) continue;
      const answer = await answerer.answer({ question: line.question, history: historyTurns(line.history), k: 5 });
      const golds = line.gold.map((g) => ({ ...g, occurrences: locateQuote(sourceText.get(g.document) ?? "", g.quote) }));
      const candidates = await retriever.rankedCandidates(answer.standaloneQuestion);
      examples.push({
        id: line.id,
        file,
        features: candidates.map((c) => c.features),
        labels: candidates.map((c) =>
          isGold(
            {
              source: c.chunk.source,
              text: c.chunk.text,
              startLine: c.chunk.startLine,
              endLine: c.chunk.endLine,
              headingPath: c.chunk.headingPath,
            },
            golds,
          ),
        ),
      });
    }
  }
  return examples;
}

const L2 = Number(process.env.FIT_L2 ?? 0.01);
const STEPS = Number(process.env.FIT_STEPS ?? 1500);
const RATE = Number(process.env.FIT_RATE ?? 0.5);

/** Features the fit may use (FIT_FEATURES=rrf,coverage,…; default all): the others keep weight 0. */
const USED = new Set(process.env.FIT_FEATURES ? process.env.FIT_FEATURES.split(",") : FEATURE_NAMES);

/** A question's candidates as one flat array of features (row-major) and their targets (the gold share). */
interface PackedList {
  rows: number;
  features: Float64Array;
  targets: Float64Array;
}

function pack(example: Example): PackedList {
  const width = FEATURE_NAMES.length;
  const rows = example.features.length;
  const features = new Float64Array(rows * width);
  example.features.forEach((f, i) => f.forEach((value, j) => (features[i * width + j] = value)));
  const positives = example.labels.filter(Boolean).length;
  const targets = Float64Array.from(example.labels, (gold) => (gold ? 1 / positives : 0));
  return { rows, features, targets };
}

const packed = new WeakMap<Example, PackedList>();
const packedOf = (example: Example) => packed.get(example) ?? (packed.set(example, pack(example)), packed.get(example)!);

/**
 * Listwise softmax cross-entropy (the gold share of a question's softmax), with L2; no bias (it
 * cancels per list). Plain gradient descent over typed arrays: the same steps and sums as the
 * first version of this script, written so a fit takes seconds, not minutes.
 */
function fit(train: readonly Example[]): number[] {
  const width = FEATURE_NAMES.length;
  const weights = new Float64Array(width);
  const gradient = new Float64Array(width);
  const lists = train.filter((e) => e.labels.some(Boolean)).map(packedOf);
  const longest = Math.max(0, ...lists.map((l) => l.rows));
  const exps = new Float64Array(longest);
  const used = FEATURE_NAMES.map((name) => USED.has(name));
  for (let step = 0; step < STEPS; step++) {
    for (let j = 0; j < width; j++) gradient[j] = L2 * weights[j]!;
    for (const { rows, features, targets } of lists) {
      let top = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < rows; i++) {
        let score = 0;
        for (let j = 0; j < width; j++) score += weights[j]! * features[i * width + j]!;
        exps[i] = score;
        if (score > top) top = score;
      }
      let total = 0;
      for (let i = 0; i < rows; i++) total += exps[i] = Math.exp(exps[i]! - top);
      for (let i = 0; i < rows; i++) {
        const delta = (exps[i]! / total - targets[i]!) / lists.length;
        for (let j = 0; j < width; j++) gradient[j]! += delta * features[i * width + j]!;
      }
    }
    for (let j = 0; j < width; j++) if (used[j]) weights[j]! -= RATE * gradient[j]!;
  }
  return [...weights];
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
}

/** Share of questions with a gold among the first 5 (fused order when weights is undefined). */
function hitAt5(set: readonly Example[], weights?: readonly number[]): number {
  if (set.length === 0) return 0;
  let hits = 0;
  for (const example of set) {
    const order = example.features.map((f, i) => ({ i, score: weights ? dot(weights, f) : -i }));
    order.sort((a, b) => b.score - a.score || a.i - b.i);
    if (order.slice(0, 5).some((o) => example.labels[o.i])) hits++;
  }
  return hits / set.length;
}

const fmt = (x: number) => x.toFixed(3);
console.log(
  `${examples.length} answerable questions fitted; gold within the first 30 candidates: ${examples.filter((e) => e.labels.some(Boolean)).length}`,
);

/** The weights in src/retrieval/rerankModel.ts, scored beside each new fit. */
const shipped = RERANK_MODEL ? FEATURE_NAMES.map((name) => (RERANK_MODEL ? RERANK_MODEL.weights[name] : 0)) : undefined;
if (shipped) console.log(`the shipped model (src/retrieval/rerankModel.ts) on these questions: ${fmt(hitAt5(examples, shipped))}`);

const fittedFiles = files.filter((file) => !heldOutFiles.has(file));
if (fittedFiles.length > 1 && !process.env.FIT_SKIP_FILES) {
  let heldHits = 0;
  for (const file of fittedFiles) {
    const held = examples.filter((e) => e.file === file);
    const weights = fit(examples.filter((e) => e.file !== file));
    heldHits += hitAt5(held, weights) * held.length;
    console.log(`held out ${file} (${held.length}): hit@5 fused ${fmt(hitAt5(held))} → re-ranked ${fmt(hitAt5(held, weights))}`);
  }
  console.log(`each file held out, pooled: re-ranked ${fmt(heldHits / examples.length)}`);
}

const FOLDS = 5;
const foldOf = (id: string) => createHash("sha256").update(id).digest()[0]! % FOLDS;
let fusedHits = 0;
let rerankedHits = 0;
for (let fold = 0; fold < FOLDS; fold++) {
  const held = examples.filter((e) => foldOf(e.id) === fold);
  const weights = fit(examples.filter((e) => foldOf(e.id) !== fold));
  fusedHits += hitAt5(held) * held.length;
  rerankedHits += hitAt5(held, weights) * held.length;
}
console.log(
  `5-fold CV, pooled held-out hit@5: fused ${fmt(fusedHits / examples.length)} → re-ranked ${fmt(rerankedHits / examples.length)}`,
);

const all = fit(examples);
console.log(`in-sample: fused ${fmt(hitAt5(examples))} → re-ranked ${fmt(hitAt5(examples, all))}`);
for (const file of heldOutFiles) {
  const held = heldOutExamples.filter((e) => e.file === file);
  console.log(
    `never fitted ${file} (${held.length}): fused ${fmt(hitAt5(held))}, shipped ${shipped ? fmt(hitAt5(held, shipped)) : "–"} → this fit ${fmt(hitAt5(held, all))}`,
  );
}
const model: RerankModel = {
  bias: 0,
  weights: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, Number(all[i]!.toFixed(3))])) as RerankModel["weights"],
};
console.log(`\nexport const RERANK_MODEL: RerankModel | false = ${JSON.stringify(model, null, 2)};`);
process.exit(0);
