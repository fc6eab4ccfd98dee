import { parseNumber } from "../retrieval/stageReference.js";
import { toSimplified } from "../text/script.js";
import { size } from "./followUpCues.js";

/**
 * "第三个是啥" → "它前面那个呢", "the first recommendation in the training part" → "and the one after
 * it?": a follow-up that only steps to a neighbour of the item the previous question picked by its
 * place in a list. The list is the previous question's, so the step is that question asked of the
 * item one place on; read as a stage's neighbour, it got the stage around the list instead. A stage
 * picked by its place ("第三阶段", "the second stage") moves as a stage (stageMoves.ts), and a
 * follow-up with an ordinal or a topic of its own asks its own question.
 */

/** "前面那个", "后面那一条", "下一个", "上一本": a step to the neighbouring item, no noun of a stage. */
const ZH_STEP = /(前面|后面|前边|后边|之前|之后|上|下)\s*(?:那|这)?\s*(?:一)?\s*(?:个|条|本|门|项|种|篇|位|家|本书|门课)/u;
/** "the one after it", "the one before that", "the next one", "the previous one", "next one 呢". */
const EN_STEP = /\bthe\s+(?:one|item|entry|pick)\s+(after|before)\b|\b(?:the\s+)?(next|previous)\s+(?:one|item|entry|pick)\b/iu;
/** Beside the step, a bare follow-up says only these: pronouns, lead words (咁: written Cantonese's 那), question words, filler. */
const STEP_FILLER =
  /它|那么|那|咁|这|呢|吗|是|啥|什么|哪个|然后|再|接着|\b(?:and|so|ok|okay|then|what|what's|whats|is|it|that|this|about|how|comes|listed|right)\b|[?？!！。,.，\s]/giu;
/** Longer than this, a follow-up says something of its own. */
const MAX_STEP_SIZE = 10;

/** "第三个", "第2本", "第一门": an item's place, not a stage's (no 阶段/段/步/部分/章/期 after it). */
const ZH_ITEM_PLACE =
  /第\s*([一二两三四五六七八九十\d]{1,3})\s*(个|条|本|门|项|种|篇|位|家)(?!\s*(?:阶段|段|步|部分|章|期|[Ss]tage|[Pp]hase))/u;
const EN_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
/** "the first recommendation", "the second book": an ordinal before a noun that is no unit of a roadmap or of time. */
const EN_ITEM_PLACE = new RegExp(
  `\\b(${EN_ORDINALS.join("|")})\\s+(?!(?:stage|phase|step|level|part|chapter|section|module|unit|month|week|day|year|time)s?\\b)[a-z][a-z-]*`,
  "iu",
);
const ZH_NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** The last match of a pattern (without the global flag) in a text. */
function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  const all = [...text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))];
  return all.at(-1);
}

/** The direction a bare step follow-up ("那再下一个呢", "and the one after it?") moves in; undefined for any other question. */
export function bareStep(question: string): "next" | "previous" | undefined {
  const simplified = toSimplified(question);
  if (size(simplified) > MAX_STEP_SIZE) return undefined;
  const zh = ZH_STEP.exec(simplified);
  const en = EN_STEP.exec(simplified);
  const step = zh ?? en;
  if (!step) return undefined;
  // Nothing but the step and filler: "它前面那个呢", "and the one after it?".
  if (simplified.replace(step[0], " ").replace(STEP_FILLER, "").length > 0) return undefined;
  const word = (zh ? zh[1]! : (en![1] ?? en![2]!)).toLowerCase();
  return /^(?:后面|后边|之后|下|after|next)$/u.test(word) ? "next" : "previous";
}

/**
 * The previous question asked of the item one place on, when `question` only steps to a neighbour
 * and the previous question picked an item by its place; undefined otherwise (and before the first).
 */
export function movedFromPickedItem(question: string, previous: string): string | undefined {
  const direction = bareStep(question);
  if (!direction) return undefined;
  const step = direction === "next" ? 1 : -1;
  // The place asked about is the last one said: "第一条是微调，第二条是啥？" asks of the second.
  const zh = lastMatch(ZH_ITEM_PLACE, previous);
  if (zh) {
    const position = parseNumber(zh[1]!);
    const moved = position === undefined ? 0 : position + step;
    if (moved < 1 || moved >= ZH_NUMERALS.length) return undefined;
    const number = /\d/.test(zh[1]!) ? String(moved) : ZH_NUMERALS[moved]!;
    return `${previous.slice(0, zh.index)}第${number}${zh[2]!}${previous.slice(zh.index + zh[0].length)}`;
  }
  const en = lastMatch(EN_ITEM_PLACE, previous);
  if (!en) return undefined;
  const moved = EN_ORDINALS.indexOf(en[1]!.toLowerCase()) + step;
  if (moved < 0 || moved >= EN_ORDINALS.length) return undefined;
  return `${previous.slice(0, en.index)}${EN_ORDINALS[moved]!}${previous.slice(en.index + en[1]!.length)}`;
}

/**
 * "ninehills清单 0x32 讲什么" → "下一个呢": the same question of the section one code on ("0x33"), as
 * the reading list numbers its sections. A code ending in 0 is a chapter (0x20 应用篇), which steps by
 * 0x10; any other steps by one inside its chapter, and stepping back from its first section (0x31)
 * leaves it (undefined). Past the last code the retriever finds no section of that code and says
 * so (sectionCodes.ts).
 */
export function movedFromSectionCode(question: string, previous: string): string | undefined {
  const direction = bareStep(question);
  const code = direction && lastMatch(SECTION_CODE, previous);
  if (!direction || !code) return undefined;
  const value = Number.parseInt(code[1]!, 16);
  const step = value % 16 === 0 ? 16 : 1;
  const moved = value + (direction === "next" ? step : -step);
  if (moved < 0 || (step === 1 && moved % 16 === 0)) return undefined;
  return `${previous.slice(0, code.index)}0x${moved.toString(16).padStart(2, "0")}${previous.slice(code.index + code[0].length)}`;
}

/** A section code of the hexadecimal kind: "0x32". */
const SECTION_CODE = /(?<![0-9a-z])0x([0-9a-f]{2})(?![0-9a-z])/iu;
