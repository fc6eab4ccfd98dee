import { stageName } from "./stageOutline.js";

/**
 * Durations a roadmap states for its stages, quoted from its own lines and cited by line. Nothing
 * is estimated: a stage gets a duration only where the text puts one next to that stage, in one
 * of these places:
 *   - heading:  the stage heading itself ("一、原理学习阶段(2-3 个月)");
 *   - diagram:  a box diagram cell under the stage's name ("│ (1-2个月) │" below "│ 入门阶段 │");
 *   - label:    a line labelled with the stage ("入门阶段：每周10-15小时，持续1-2个月");
 *   - plan:     a schedule slot followed by a line naming the stage ("第 1-2 月" / "专注于原理学习…").
 * Time spans inside a stage's body (a course's "时长：约3小时") are not the stage's duration.
 */

export type DurationSource = "heading" | "diagram" | "label" | "plan";

export interface StatedDuration {
  /** The duration phrases as written ("每周10-15小时，持续1-2个月"). */
  text: string;
  source: DurationSource;
  /** 1-based lines the statement spans (a plan slot and the line naming the stage). */
  lines: { start: number; end: number };
  /** The cited line(s), trimmed. */
  quote: string;
}

export interface DurationStage {
  heading: string;
  /** 1-based heading lines of every copy of the stage (merged outlines have several). */
  headingLines: number[];
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const CJK_NUMBER = "[一二两三四五六七八九十半]+";
const UNIT = String.raw`(?:个\s*)?(?:月|周|星期|天|小时|年)|(?:months?|weeks?|days?|hours?|hrs?|years?)\b`;
const RANGE = String.raw`${NUMBER}\s*(?:[-–—~～到至]\s*${NUMBER}\s*)?`;
const DURATION = new RegExp(
  [
    String.raw`(?:约|大约|持续|每周|每天|每个项目|about\s+|~)?\s*${RANGE}(?:${UNIT})\s*\+?`,
    String.raw`第\s*${RANGE}(?:个\s*)?(?:月|周|天)\s*\+?`,
    String.raw`${CJK_NUMBER}个(?:月|星期)|${CJK_NUMBER}(?:周|年)`,
    String.raw`(?:weeks?|months?)\s+${NUMBER}(?:\s*[-–]\s*${NUMBER})?`,
  ].join("|"),
  "giu",
);
/** Open-ended spans count only in a heading's parenthesis, a diagram cell or a stage's label line. */
const OPEN_ENDED = /持续(?:学习|发展|投入)|长期(?:投入|学习)?|ongoing|continuous/giu;
const SLOT_ONLY = new RegExp(
  String.raw`^(?:[-*•·]\s*)?(?:第\s*${RANGE}(?:个\s*)?(?:月|周|天)\s*\+?|(?:weeks?|months?)\s+${NUMBER}(?:\s*[-–]\s*${NUMBER})?\+?)\s*[:：]?$`,
  "iu",
);
const LIST_MARKER = /^(?:[-*•·>]|\d+[.、)）])\s*/u;

function durationPhrases(text: string, openEnded: boolean): string[] {
  const found = [...text.matchAll(DURATION)].map((m) => m[0].trim()).filter((p) => /\d|[一二两三四五六七八九十半]/u.test(p));
  if (found.length > 0) return found;
  return openEnded ? [...text.matchAll(OPEN_ENDED)].map((m) => m[0]) : [];
}

function namesOf(stage: DurationStage): string[] {
  const name = stageName(stage.heading);
  return [...new Set([stage.heading.trim(), name].filter((n) => n.length >= 2))];
}

function mentions(line: string, stage: DurationStage): boolean {
  return namesOf(stage).some((name) => line.includes(name));
}

/** Durations per stage (same order as `stages`); a stage the text gives none gets []. */
export function statedDurations(lines: readonly string[], stages: readonly DurationStage[]): StatedDuration[][] {
  const result: StatedDuration[][] = stages.map(() => []);
  const add = (i: number, duration: StatedDuration) => {
    const list = result[i];
    if (list && !list.some((d) => d.lines.start === duration.lines.start && d.text === duration.text)) list.push(duration);
  };
  const lineAt = (n: number) => lines[n - 1] ?? "";
  const quote = (start: number, end: number) =>
    lines
      .slice(start - 1, end)
      .map((l) => l.trim())
      .filter(Boolean)
      .join(" / ");
  const headingLines = new Set(stages.flatMap((s) => s.headingLines));

  stages.forEach((stage, i) => {
    for (const n of stage.headingLines) {
      const phrases = durationPhrases(lineAt(n), /[(（]/u.test(lineAt(n)));
      if (phrases.length > 0) add(i, { text: phrases.join("，"), source: "heading", lines: { start: n, end: n }, quote: quote(n, n) });
    }
  });

  for (let n = 1; n <= lines.length; n++) {
    const line = lineAt(n);
    if (headingLines.has(n) || line.trim() === "") continue;
    if (line.includes("│")) diagramCells(n);
    else labelLine(n);
    planSlot(n);
  }
  return result;

  function stageNamed(text: string): number | undefined {
    const named = stages.map((s, i) => (mentions(text, s) ? i : -1)).filter((i) => i >= 0);
    return named.length === 1 ? named[0] : undefined;
  }

  function diagramCells(n: number): void {
    const cells = lineAt(n).split("│");
    cells.forEach((cell, column) => {
      const stage = stageNamed(cell);
      if (stage === undefined) return;
      // The cell's duration sits in the same column of the next line or the one after.
      for (const below of [n + 1, n + 2]) {
        const phrases = durationPhrases(lineAt(below).split("│")[column] ?? "", true);
        if (phrases.length === 0) continue;
        add(stage, { text: phrases.join("，"), source: "diagram", lines: { start: below, end: below }, quote: quote(below, below) });
        return;
      }
    });
  }

  function labelLine(n: number): void {
    const text = lineAt(n).trim().replace(LIST_MARKER, "").replace(/\*\*/g, "");
    const colon = text.search(/[:：]/u);
    if (colon < 2) return;
    const stage = stageNamed(text.slice(0, colon));
    if (stage === undefined) return;
    const phrases = durationPhrases(text.slice(colon + 1), true);
    if (phrases.length > 0) add(stage, { text: phrases.join("，"), source: "label", lines: { start: n, end: n }, quote: quote(n, n) });
  }

  function planSlot(n: number): void {
    const slot = lineAt(n).trim();
    if (!SLOT_ONLY.test(slot)) return;
    for (let next = n + 1; next <= Math.min(lines.length, n + 3); next++) {
      const text = lineAt(next).trim();
      if (text === "") continue;
      const stage = stageNamed(text);
      if (stage !== undefined) {
        add(stage, {
          text: slot
            .replace(LIST_MARKER, "")
            .replace(/[:：]$/u, "")
            .trim(),
          source: "plan",
          lines: { start: n, end: next },
          quote: quote(n, next),
        });
      }
      return;
    }
  }
}

const TOTAL_LABEL = /总周期|总时长|整体周期|学习周期为|total (?:duration|time)/iu;

/** A duration the roadmap states for the whole path ("总周期为 6 - 8 个月"), with its line. */
export function statedTotalDuration(lines: readonly string[]): StatedDuration | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!TOTAL_LABEL.test(line)) continue;
    const phrases = durationPhrases(line, false);
    if (phrases.length > 0) return { text: phrases.join("，"), source: "label", lines: { start: i + 1, end: i + 1 }, quote: line.trim() };
  }
  return undefined;
}
