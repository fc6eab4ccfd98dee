/**
 * Line classification for outline recovery: which lines look like headings, and of which kind.
 * Roadmap documents mix markdown headings with plain-text structure (stage lines, Chinese
 * enumerations, hex numbering, bold-only lines, short label lines); each kind has a fixed
 * nesting strength so that mixed documents still nest sensibly.
 */
import { isNumberedItemLine } from "./leadingList.js";

export type HeadingKind =
  | "markdown"
  | "title"
  | "hex-chapter"
  | "hex-section"
  | "cn-enum"
  | "stage"
  | "cn-paren-enum"
  | "bold"
  | "label"
  | "list-item";

export interface HeadingCandidate {
  /** 0-based line index. */
  lineIndex: number;
  kind: HeadingKind;
  text: string;
  /** Lower = outer. Markdown headings use their level (1..6); plain-text kinds nest below any markdown heading. */
  strength: number;
  /** 0-based last line of the section's own body, when it ends before the next heading (a list item: leadingList.ts). */
  endLineIndex?: number;
}

/** Plain-text kinds from outermost to innermost. */
const PLAIN_KIND_ORDER: readonly HeadingKind[] = [
  "title",
  "hex-chapter",
  "hex-section",
  "cn-enum",
  "stage",
  "cn-paren-enum",
  "bold",
  "label",
];

const CN_NUMERAL = "[一二三四五六七八九十百零〇两]";
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;
const SETEXT_H2 = /^ {0,3}-{2,}[ \t]*$/;
const LIST_ITEM = /^\s*(?:[-*+•·▪●◦‣]|\d+[.)、]|[a-zA-Z][.)])\s/;
const HEX_HEADING = /^ {0,3}0x([0-9a-fA-F]{2,})\s+(\S.*)$/;
const CN_ENUM = new RegExp(`^ {0,3}${CN_NUMERAL}+\\s*[、．.]\\s*(\\S.*)$`);
const CN_PAREN_ENUM = new RegExp(`^ {0,3}[（(]${CN_NUMERAL}+[)）]\\s*(\\S.*)$`);
const STAGE_CN = new RegExp(
  `^ {0,3}第\\s*(?:\\d+|${CN_NUMERAL}+)(?:\\s*[-~～至到]\\s*(?:\\d+|${CN_NUMERAL}+))?\\s*(?:阶段|部分|章|节|篇|步|期|周|天|个月|月)(.*)$`,
);
const STAGE_EN = /^ {0,3}(?:stage|phase|step|part|week|month|level|module)\s+(?:\d+|[ivx]+)\b(.*)$/i;
const BOLD_ONLY = /^ {0,3}(\*\*|__)(?!\s)([^*_]+?)(?<!\s)\1\s*[:：]?\s*$/;
const SENTENCE_PUNCTUATION = /[。！？!?；;，,]/;
const TERMINAL_PUNCTUATION = /[。．.！!？?；;，,、]$/;

export function isAtxHeading(line: string): boolean {
  return ATX_HEADING.test(line);
}

/** Marks lines inside fenced code blocks (fence lines included). */
export function fencedLines(lines: readonly string[]): boolean[] {
  const inside: boolean[] = [];
  let open: string | undefined;
  for (const line of lines) {
    const fence = FENCE.exec(line)?.[1];
    if (open === undefined) {
      if (fence !== undefined) {
        open = fence;
        inside.push(true);
      } else {
        inside.push(false);
      }
    } else {
      inside.push(true);
      if (fence !== undefined && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
    }
  }
  return inside;
}

export function findHeadingCandidates(lines: readonly string[]): HeadingCandidate[] {
  const inFence = fencedLines(lines);
  const markdownMode = lines.some(
    (line, index) => !inFence[index] && (ATX_HEADING.test(line) || (SETEXT_H1.test(line) && isParagraphLine(lines, index - 1))),
  );
  const candidates: HeadingCandidate[] = [];
  const setextUnderlines = new Set<number>();

  for (let index = 0; index < lines.length; index++) {
    if (inFence[index] || setextUnderlines.has(index)) continue;
    const line = lines[index] ?? "";
    if (line.trim() === "") continue;

    const atx = ATX_HEADING.exec(line);
    if (atx !== null) {
      const text = stripEmphasis(atx[2] ?? "");
      if (text !== "") candidates.push({ lineIndex: index, kind: "markdown", text, strength: atx[1]!.length });
      continue;
    }

    const next = lines[index + 1];
    if (next !== undefined && !inFence[index + 1] && isParagraphLine(lines, index) && (index === 0 || (lines[index - 1] ?? "").trim() === "")) {
      const setextLevel = SETEXT_H1.test(next) ? 1 : SETEXT_H2.test(next) ? 2 : 0;
      if (setextLevel > 0) {
        candidates.push({ lineIndex: index, kind: "markdown", text: stripEmphasis(line.trim()), strength: setextLevel });
        setextUnderlines.add(index + 1);
        continue;
      }
    }

    const plain = classifyPlainLine(lines, index, markdownMode, inFence);
    if (plain !== undefined) {
      candidates.push({ lineIndex: index, kind: plain.kind, text: plain.text, strength: 10 + PLAIN_KIND_ORDER.indexOf(plain.kind) });
    }
  }
  return candidates;
}

function classifyPlainLine(
  lines: readonly string[],
  index: number,
  markdownMode: boolean,
  inFence: readonly boolean[],
): { kind: HeadingKind; text: string } | undefined {
  const line = lines[index] ?? "";
  const text = line.trim();
  const structural = classifyStructuralLine(line);
  if (structural !== undefined) return structural;

  if (!isStandaloneShortLine(line)) return undefined;
  const nextContent = nextNonEmptyIndex(lines, index, inFence);
  const nextStructural = nextContent === undefined ? undefined : classifyStructuralLine(lines[nextContent] ?? "");
  // A short line that opens a run of stages ("学习路径" then "第一阶段：…") is their parent.
  if (nextStructural !== undefined && ["hex-chapter", "cn-enum", "stage"].includes(nextStructural.kind)) {
    return { kind: "title", text };
  }
  if (markdownMode || nextContent === undefined) return undefined;
  const blankBefore = index === 0 || (lines[index - 1] ?? "").trim() === "";
  const blankAfter = (lines[index + 1] ?? "").trim() === "";
  return blankBefore && blankAfter ? { kind: "label", text: text.replace(/[:：]$/, "") } : undefined;
}

/** Lines whose own shape makes them headings, whatever surrounds them. */
function classifyStructuralLine(line: string): { kind: HeadingKind; text: string } | undefined {
  const text = line.trim();
  const hex = HEX_HEADING.exec(line);
  if (hex !== null && isShortTitle(hex[2] ?? "", 40)) {
    return { kind: hex[1]!.endsWith("0") ? "hex-chapter" : "hex-section", text };
  }
  const cnEnum = CN_ENUM.exec(line);
  if (cnEnum !== null && isShortTitle(cnEnum[1] ?? "", 40)) return { kind: "cn-enum", text };
  const stage = STAGE_CN.exec(line) ?? STAGE_EN.exec(line);
  if (stage !== null) {
    const rest = (stage[1] ?? "").replace(/^\s*[：:.．、\-–—]?\s*/, "");
    if (rest === "" || isShortTitle(rest, 40)) return { kind: "stage", text };
  }
  const parenEnum = CN_PAREN_ENUM.exec(line);
  if (parenEnum !== null && isShortTitle(parenEnum[1] ?? "", 40)) return { kind: "cn-paren-enum", text };
  const bold = BOLD_ONLY.exec(line);
  if (bold !== null && isShortTitle(bold[2] ?? "", 60)) return { kind: "bold", text: bold[2]!.trim() };
  return undefined;
}

/** Unindented, not a list item, link, table row or sentence: the shape of a title or label. */
function isStandaloneShortLine(line: string): boolean {
  // A numbered item ("① 读书", "1）准备") is a heading only as an item of a leading list (leadingList.ts):
  // chunking reads a section that starts at one as such an item.
  if (/^\s/.test(line) || LIST_ITEM.test(line) || isNumberedItemLine(line)) return false;
  if (/\]\(|https?:\/\/|\||^>|^!\[|^</.test(line)) return false;
  const text = line.trim().replace(/[:：]$/, "");
  return isShortTitle(text, 24);
}

function isShortTitle(text: string, maxChars: number): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.length > maxChars) return false;
  // Punctuation inside brackets ("(1-2个月，每周10小时)") does not make a heading a sentence.
  const outsideBrackets = trimmed.replace(/[(（[【][^)）\]】]*[)）\]】]/g, "");
  return !SENTENCE_PUNCTUATION.test(outsideBrackets) && !TERMINAL_PUNCTUATION.test(trimmed) && !/[:：].+/.test(outsideBrackets);
}

function isParagraphLine(lines: readonly string[], index: number): boolean {
  const line = lines[index];
  if (line === undefined || line.trim() === "") return false;
  return !LIST_ITEM.test(line) && !/^\s{4,}|^\t|^ {0,3}>|^\s*\|/.test(line) && !ATX_HEADING.test(line) && !FENCE.test(line);
}

function nextNonEmptyIndex(lines: readonly string[], index: number, inFence: readonly boolean[]): number | undefined {
  for (let next = index + 1; next < lines.length; next++) {
    if ((lines[next] ?? "").trim() !== "") return inFence[next] ? undefined : next;
  }
  return undefined;
}

function stripEmphasis(text: string): string {
  const trimmed = text.trim();
  const wrapped = /^(\*\*|__)(.+)\1$/.exec(trimmed);
  return (wrapped?.[2] ?? trimmed).trim();
}
