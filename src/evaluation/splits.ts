import { access } from "node:fs/promises";
import path from "node:path";
import { BadInput } from "../errors.js";
import { loadDataset, type Dataset } from "./dataset.js";
import type { MetricName, MetricSummary } from "./types.js";

/**
 * The splits one `npm run eval` scores. By default: the regression set (dev) and the two halves
 * of the blind set: tune (the only one anyone may tune on) and test (scored only to report).
 * The tune − test gap on each headline metric is a figure of the product: a large one means
 * what was tuned does not carry over to questions nobody tuned on.
 */

export const DEFAULT_SPLIT_FILES: Record<"dev" | "tune" | "test", string | readonly string[]> = {
  dev: "tests/eval/dev.jsonl",
  // Each later blind set adds its halves to the same splits ("-c" for the third set, "-d" for the
  // fourth, "-e" for the fifth, "-f" for the sixth, "-g" for the seventh, "-h" for the eighth, "-i" for the ninth, "-j" for the tenth, "-k" for the eleventh, "-l" for the twelfth, "-m" for the thirteenth, "-n" for the fourteenth, "-o" for the fifteenth, each written like the first two by a helper who saw only the documents); whichever
  // files exist are scored.
  tune: [
    "tests/eval/blind/tune.jsonl",
    "tests/eval/blind/tune-c.jsonl",
    "tests/eval/blind/tune-d.jsonl",
    "tests/eval/blind/tune-e.jsonl",
    "tests/eval/blind/tune-f.jsonl",
    "tests/eval/blind/tune-g.jsonl",
    "tests/eval/blind/tune-h.jsonl",
    "tests/eval/blind/tune-i.jsonl",
    "tests/eval/blind/tune-j.jsonl",
    "tests/eval/blind/tune-k.jsonl",
    "tests/eval/blind/tune-l.jsonl",
    "tests/eval/blind/tune-m.jsonl",
    "tests/eval/blind/tune-n.jsonl",
    "tests/eval/blind/tune-o.jsonl",
    "tests/eval/blind/tune-p.jsonl",
    "tests/eval/blind/tune-q.jsonl",
    "tests/eval/blind/tune-r.jsonl",
    "tests/eval/blind/tune-s.jsonl",
    "tests/eval/blind/tune-t.jsonl",
    "tests/eval/blind/tune-u.jsonl",
    "tests/eval/blind/tune-v.jsonl",
    "tests/eval/blind/tune-w.jsonl",
    "tests/eval/blind/tune-y.jsonl",
    "tests/eval/blind/tune-z.jsonl",
    "tests/eval/blind/tune-x.jsonl",
    "tests/eval/blind/tune-a2.jsonl",
    "tests/eval/blind/tune-b2.jsonl",
    "tests/eval/blind/tune-c2.jsonl",
    "tests/eval/blind/tune-d2.jsonl",
    "tests/eval/blind/tune-e2.jsonl",
    "tests/eval/blind/tune-f2.jsonl",
    "tests/eval/blind/tune-g2.jsonl",
    "tests/eval/blind/tune-h2.jsonl",
    "tests/eval/blind/tune-i2.jsonl",
    "tests/eval/blind/tune-j2.jsonl",
    "tests/eval/blind/tune-k2.jsonl",
    "tests/eval/blind/tune-l2.jsonl",
    "tests/eval/blind/tune-m2.jsonl",
    "tests/eval/blind/tune-n2.jsonl",
    "tests/eval/blind/tune-o2.jsonl",
    "tests/eval/blind/tune-q2.jsonl",
    "tests/eval/blind/tune-r2.jsonl",
    "tests/eval/blind/tune-s2.jsonl",
    "tests/eval/blind/tune-u2.jsonl",
    "tests/eval/blind/tune-w2.jsonl",
    "tests/eval/blind/tune-x2.jsonl",
    "tests/eval/blind/tune-y2.jsonl",
    "tests/eval/blind/tune-z2.jsonl",
    "tests/eval/blind/tune-a3.jsonl",
    "tests/eval/blind/tune-b3.jsonl",
    "tests/eval/blind/tune-c3.jsonl",
    "tests/eval/blind/tune-d3.jsonl",
    "tests/eval/blind/tune-e3.jsonl",
    "tests/eval/blind/tune-f3.jsonl",
    "tests/eval/blind/tune-g3.jsonl",
    "tests/eval/blind/tune-h3.jsonl",
    "tests/eval/blind/tune-i3.jsonl",
    "tests/eval/blind/tune-j3.jsonl",
    "tests/eval/blind/tune-k3.jsonl",
    "tests/eval/blind/tune-l3.jsonl",
    "tests/eval/blind/tune-m3.jsonl",
    "tests/eval/blind/tune-n3.jsonl",
    "tests/eval/blind/tune-p3.jsonl",
    "tests/eval/blind/tune-q3.jsonl",
    "tests/eval/blind/tune-r3.jsonl",
    "tests/eval/blind/tune-s3.jsonl",
    "tests/eval/blind/tune-u3.jsonl",
    "tests/eval/blind/tune-t3.jsonl",
    "tests/eval/blind/tune-v3.jsonl",
    "tests/eval/blind/tune-w3.jsonl",
    "tests/eval/blind/tune-x3.jsonl",
    "tests/eval/blind/tune-y3.jsonl",
    "tests/eval/blind/tune-z3.jsonl",
    "tests/eval/blind/tune-a4.jsonl",
    "tests/eval/blind/tune-b4.jsonl",
    "tests/eval/blind/tune-c4.jsonl",
    "tests/eval/blind/tune-d4.jsonl",
    "tests/eval/blind/tune-e4.jsonl",
    "tests/eval/blind/tune-f4.jsonl",
    "tests/eval/blind/tune-g4.jsonl",
    "tests/eval/blind/tune-h4.jsonl",
    "tests/eval/blind/tune-i4.jsonl",
    "tests/eval/blind/tune-j4.jsonl",
    "tests/eval/blind/tune-k4.jsonl",
    "tests/eval/blind/tune-l4.jsonl",
    "tests/eval/blind/tune-m4.jsonl",
    "tests/eval/blind/tune-n4.jsonl",
    "tests/eval/blind/tune-o4.jsonl",
    "tests/eval/blind/tune-p4.jsonl",
  ],
  test: [
    "tests/eval/blind/test.jsonl",
    "tests/eval/blind/test-c.jsonl",
    "tests/eval/blind/test-d.jsonl",
    "tests/eval/blind/test-e.jsonl",
    "tests/eval/blind/test-f.jsonl",
    "tests/eval/blind/test-g.jsonl",
    "tests/eval/blind/test-h.jsonl",
    "tests/eval/blind/test-i.jsonl",
    "tests/eval/blind/test-j.jsonl",
    "tests/eval/blind/test-k.jsonl",
    "tests/eval/blind/test-l.jsonl",
    "tests/eval/blind/test-m.jsonl",
    "tests/eval/blind/test-n.jsonl",
    "tests/eval/blind/test-o.jsonl",
    "tests/eval/blind/test-p.jsonl",
    "tests/eval/blind/test-q.jsonl",
    "tests/eval/blind/test-r.jsonl",
    "tests/eval/blind/test-s.jsonl",
    "tests/eval/blind/test-t.jsonl",
    "tests/eval/blind/test-u.jsonl",
    "tests/eval/blind/test-v.jsonl",
    "tests/eval/blind/test-w.jsonl",
    "tests/eval/blind/test-y.jsonl",
    "tests/eval/blind/test-z.jsonl",
    "tests/eval/blind/test-x.jsonl",
    "tests/eval/blind/test-a2.jsonl",
    "tests/eval/blind/test-b2.jsonl",
    "tests/eval/blind/test-c2.jsonl",
    "tests/eval/blind/test-d2.jsonl",
    "tests/eval/blind/test-e2.jsonl",
    "tests/eval/blind/test-f2.jsonl",
    "tests/eval/blind/test-g2.jsonl",
    "tests/eval/blind/test-h2.jsonl",
    "tests/eval/blind/test-i2.jsonl",
    "tests/eval/blind/test-j2.jsonl",
    "tests/eval/blind/test-k2.jsonl",
    "tests/eval/blind/test-l2.jsonl",
    "tests/eval/blind/test-m2.jsonl",
    "tests/eval/blind/test-n2.jsonl",
    "tests/eval/blind/test-o2.jsonl",
    "tests/eval/blind/test-q2.jsonl",
    "tests/eval/blind/test-r2.jsonl",
    "tests/eval/blind/test-s2.jsonl",
    "tests/eval/blind/test-u2.jsonl",
    "tests/eval/blind/test-w2.jsonl",
    "tests/eval/blind/test-x2.jsonl",
    "tests/eval/blind/test-y2.jsonl",
    "tests/eval/blind/test-z2.jsonl",
    "tests/eval/blind/test-a3.jsonl",
    "tests/eval/blind/test-b3.jsonl",
    "tests/eval/blind/test-c3.jsonl",
    "tests/eval/blind/test-d3.jsonl",
    "tests/eval/blind/test-e3.jsonl",
    "tests/eval/blind/test-f3.jsonl",
    "tests/eval/blind/test-g3.jsonl",
    "tests/eval/blind/test-h3.jsonl",
    "tests/eval/blind/test-i3.jsonl",
    "tests/eval/blind/test-j3.jsonl",
    "tests/eval/blind/test-k3.jsonl",
    "tests/eval/blind/test-l3.jsonl",
    "tests/eval/blind/test-m3.jsonl",
    "tests/eval/blind/test-n3.jsonl",
    "tests/eval/blind/test-p3.jsonl",
    "tests/eval/blind/test-q3.jsonl",
    "tests/eval/blind/test-r3.jsonl",
    "tests/eval/blind/test-s3.jsonl",
    "tests/eval/blind/test-u3.jsonl",
    "tests/eval/blind/test-t3.jsonl",
    "tests/eval/blind/test-v3.jsonl",
    "tests/eval/blind/test-w3.jsonl",
    "tests/eval/blind/test-x3.jsonl",
    "tests/eval/blind/test-y3.jsonl",
    "tests/eval/blind/test-z3.jsonl",
    "tests/eval/blind/test-a4.jsonl",
    "tests/eval/blind/test-b4.jsonl",
    "tests/eval/blind/test-c4.jsonl",
    "tests/eval/blind/test-d4.jsonl",
    "tests/eval/blind/test-e4.jsonl",
    "tests/eval/blind/test-f4.jsonl",
    "tests/eval/blind/test-g4.jsonl",
    "tests/eval/blind/test-h4.jsonl",
    "tests/eval/blind/test-i4.jsonl",
    "tests/eval/blind/test-j4.jsonl",
    "tests/eval/blind/test-k4.jsonl",
    "tests/eval/blind/test-l4.jsonl",
    "tests/eval/blind/test-m4.jsonl",
    "tests/eval/blind/test-n4.jsonl",
    "tests/eval/blind/test-o4.jsonl",
    "tests/eval/blind/test-p4.jsonl",
  ],
};

export type NamedSplit = keyof typeof DEFAULT_SPLIT_FILES;

export interface SplitSpec {
  /** Report name: dev, tune, test, or a --dataset file's base name. */
  name: string;
  file: string;
  /** More files scored as part of the same split (a later blind set's half). */
  extraFiles?: string[];
}

/** A split's questions: its file's, then those of its extra files (ids must stay unique). */
export async function loadSplit(spec: SplitSpec): Promise<Dataset> {
  const files = [spec.file, ...(spec.extraFiles ?? [])];
  const parts = await Promise.all(files.map((file) => loadDataset(file)));
  const seen = new Map<string, string>();
  for (const [i, part] of parts.entries()) {
    for (const question of part.questions) {
      const first = seen.get(question.id);
      if (first !== undefined) throw new BadInput(`Question id "${question.id}" is in both ${first} and ${files[i]}.`);
      seen.set(question.id, files[i]!);
    }
  }
  return { file: files.join(" + "), questions: parts.flatMap((part) => part.questions) };
}

export interface SplitSelection {
  /** --dataset files, in order; when given only these run. */
  datasets: string[];
  /** --dev / --tune / --test paths that override the defaults. */
  files: Partial<Record<NamedSplit, string>>;
}

/**
 * The splits to run. Explicit files must exist (the dataset loader says so otherwise); a default
 * blind file that is not there yet is skipped with a note, so the regression set still runs.
 */
export async function resolveSplits(
  selection: SplitSelection,
  note: (text: string) => void,
  defaults: Record<NamedSplit, string | readonly string[]> = DEFAULT_SPLIT_FILES,
): Promise<SplitSpec[]> {
  if (selection.datasets.length > 0) {
    const used = new Set<string>();
    return selection.datasets.map((file) => {
      const base = path.basename(file).replace(/\.(jsonl|ya?ml|json)$/i, "") || "dataset";
      let name = base;
      for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
      used.add(name);
      return { name, file };
    });
  }
  const specs: SplitSpec[] = [];
  for (const name of Object.keys(defaults) as NamedSplit[]) {
    const given = selection.files[name];
    if (given !== undefined) {
      specs.push({ name, file: given });
      continue;
    }
    const candidates = [defaults[name]].flat();
    const present = await presentSplitFiles(name, defaults);
    if (present.length === 0) {
      note(
        `Skipping the ${name} split: ${candidates.join(" and ")} ${candidates.length > 1 ? "do" : "does"} not exist (pass --${name} FILE to use another path).\n`,
      );
      continue;
    }
    specs.push({ name, file: present[0]!, ...(present.length > 1 ? { extraFiles: present.slice(1) } : {}) });
  }
  return specs;
}

/**
 * The files of a named split that exist, in the list's order: a blind file not written yet is left
 * out. `root` is the project's folder the listed paths start from. This list is the one place that
 * names the splits' files; everything that reads a split (the eval, the bench's real questions)
 * asks it, so no test file can be read as tuning by its name alone.
 */
export async function presentSplitFiles(
  name: NamedSplit,
  defaults: Record<NamedSplit, string | readonly string[]> = DEFAULT_SPLIT_FILES,
  root = "",
): Promise<string[]> {
  const present: string[] = [];
  for (const listed of [defaults[name]].flat()) {
    const file = root === "" ? listed : path.join(root, listed);
    if (await exists(file)) present.push(file);
  }
  return present;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** The metrics the blind protocol reports and holds to a tune − test gap. */
export const HEADLINE_METRICS: { metric: MetricName; label: string; short: string; higherIsBetter: boolean }[] = [
  { metric: "hitAtK", label: "hit@k (gold in the first k cited)", short: "hit@k", higherIsBetter: true },
  { metric: "citationHit", label: "gold among citations", short: "gold cited", higherIsBetter: true },
  { metric: "falseAbstentionRate", label: "answerable refused", short: "ans. refused", higherIsBetter: false },
  { metric: "unanswerableCaught", label: "unanswerable caught (refused or low)", short: "unans. caught", higherIsBetter: true },
  { metric: "answerableLowRate", label: "answerable marked low", short: "ans. low", higherIsBetter: false },
  { metric: "mustMentionRecall", label: "must-mention recall", short: "must-mention", higherIsBetter: true },
];

export const DEFAULT_MAX_GAP = 0.05;

export interface GapRow {
  metric: MetricName;
  label: string;
  tune: number | null;
  test: number | null;
  /** tune − test; null when either side was not measured. */
  gap: number | null;
  /** |gap| above the allowed gap. */
  flagged: boolean;
}

export function metricOf(summary: MetricSummary, metric: MetricName): number | null {
  const value = summary[metric];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** tune − test per headline metric; a gap larger than maxGap (either direction) is flagged. */
export function tuneTestGap(tune: MetricSummary, test: MetricSummary, maxGap: number): GapRow[] {
  return HEADLINE_METRICS.map(({ metric, label }) => {
    const a = metricOf(tune, metric);
    const b = metricOf(test, metric);
    const gap = a === null || b === null ? null : a - b;
    return { metric, label, tune: a, test: b, gap, flagged: gap !== null && Math.abs(gap) > maxGap + 1e-9 };
  });
}
