/**
 * `npm run calibrate -- [--dataset tests/eval/blind/tune.jsonl] [--folds 5] [--k N]`: choose the
 * confidence thresholds (refuse / mark low) by k-fold cross-validation on the tune split, and
 * print the curve (answerable refused vs unanswerable caught per threshold) as Markdown for
 * tests/eval/README.md. Offline retrieval, the index at INDEX_DIR. Refuses the test split.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadEnvFile, parseConfig } from "../src/config.js";
import { isTutorError } from "../src/errors.js";
import type { Rates } from "../src/evaluation/calibration.js";
import { DEFAULT_SPLIT_FILES, loadSplit } from "../src/evaluation/splits.js";

const USAGE = "Usage: npm run calibrate -- [--dataset FILE]... [--folds N] [--k N (default RETRIEVAL_K, the product's own)]";
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

function rateCells(r: Rates): string {
  return [r.answerableRefused, r.answerableLow, r.unanswerableRefused, r.unanswerableCaught].map(pct).join(" | ");
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { dataset: { type: "string", multiple: true }, folds: { type: "string" }, k: { type: "string" }, help: { type: "boolean" } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // Default: every tune file present (tune.jsonl, tune-c.jsonl, …), scored as one split.
  const given = values.dataset ?? [];
  const files = given.length > 0 ? given : [DEFAULT_SPLIT_FILES.tune].flat().filter((f) => existsSync(f));
  const testFile = files.find((f) => /^test\b/i.test(path.basename(f)));
  if (testFile) {
    console.error(`Refusing to calibrate on ${testFile}: the test split is only for reporting. Use the tune split.`);
    return 2;
  }
  if (files.length === 0) {
    console.error(`No tune file found.\n${USAGE}`);
    return 2;
  }
  const file = files.join(" + ");
  loadEnvFile(process.env);
  const config = parseConfig(process.env);
  const folds = Number(values.folds ?? 5);
  // The thresholds are chosen at the k the product answers with (RETRIEVAL_K) unless --k says otherwise.
  const k = values.k === undefined ? config.RETRIEVAL_K : Number(values.k);
  if (!Number.isInteger(folds) || folds < 2 || folds > 20 || !Number.isInteger(k) || k < 1 || k > 20) {
    console.error(`--folds must be an integer from 2 to 20 and --k from 1 to 20.\n${USAGE}`);
    return 2;
  }
  const dataset = await loadSplit({ name: "tune", file: files[0]!, ...(files.length > 1 ? { extraFiles: files.slice(1) } : {}) });
  // Loaded after flags and config are known to be good (a typo fails fast, before LangChain loads).
  const [{ collectSignals, crossValidate, curves, ratesAt }, { openPipeline }] = await Promise.all([
    import("../src/evaluation/calibration.js"),
    import("../src/tutor.js"),
  ]);
  const pipeline = await openPipeline(config, { buildIfMissing: true });
  const items = await collectSignals(dataset, pipeline.retriever, k);
  const cv = crossValidate(items, folds);
  const curve = curves(items, cv.final);
  const answerable = items.filter((i) => !i.unanswerable).length;

  const out: string[] = [];
  out.push(
    `Calibration on \`${file}\`: ${items.length} questions (${answerable} answerable, ${items.length - answerable} unanswerable), ${folds}-fold CV, k = ${k}.`,
    "",
  );
  out.push(
    "| Fold | Questions | Chosen none / low | Answerable refused | Answerable low | Unanswerable refused | Unanswerable caught |",
    "|---:|---:|---|---:|---:|---:|---:|",
  );
  for (const f of cv.folds)
    out.push(`| ${f.fold + 1} | ${f.size} | ${f.chosen.none.toFixed(2)} / ${f.chosen.low.toFixed(2)} | ${rateCells(f.heldOut)} |`);
  out.push(`| pooled held-out | ${items.length} | | ${rateCells(cv.pooled)} |`, "");
  out.push(
    `Chosen on all of tune: none < **${cv.final.none.toFixed(2)}**, low < **${cv.final.low.toFixed(2)}** (in-sample: ${rateCells(ratesAt(items, cv.final)).replaceAll(" | ", ", ")}).`,
    "",
  );
  out.push(
    "Refusal curve (refuse when evidence < threshold):",
    "",
    "| Threshold | Answerable refused | Answerable low | Unanswerable refused | Unanswerable caught |",
    "|---:|---:|---:|---:|---:|",
  );
  for (const p of curve.refuse) out.push(`| ${p.threshold.toFixed(2)} | ${rateCells(p)} |`);
  out.push(
    "",
    `Low-confidence curve (refuse under ${cv.final.none.toFixed(2)}; low when evidence < threshold or an asked-for detail is missing):`,
    "",
  );
  out.push(
    "| Threshold | Answerable refused | Answerable low | Unanswerable refused | Unanswerable caught |",
    "|---:|---:|---:|---:|---:|",
  );
  for (const p of curve.flag) out.push(`| ${p.threshold.toFixed(2)} | ${rateCells(p)} |`);
  const detail = items.filter((i) => i.signals.missingDetails.length > 0);
  out.push(
    "",
    `Detail check: ${detail.length} questions ask for a detail the top passages lack (${detail.filter((i) => i.unanswerable).length} unanswerable, ${detail.filter((i) => !i.unanswerable).length} answerable).`,
    "",
  );
  console.log(out.join("\n"));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || isTutorError(error)) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
