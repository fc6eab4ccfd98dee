import { escapeRegExp } from "../text/escapeRegExp.js";
import { ignoreCaseTwin } from "../text/ignoreCaseTest.js";
import { FINISHING_VERBS } from "../text/questionCues.js";

/**
 * Ordinal references to a stage of a roadmap: "第二段", "第3阶段", "stage 2", "the second stage",
 * "the last stage", "最后一个阶段". Positions are 1-based; "last" counts from the end.
 * A number that counts stages ("7个阶段", "the one with 7 stages") is not an ordinal: it
 * describes the roadmap's shape (stageCounts.ts, roadmapReference.ts).
 */
export type StageOrdinal = { from: "start" | "end"; position: number };

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十二 → 12, 二十 → 20, "7" → 7; undefined for anything else. */
export function parseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十]+$/u.test(text)) return EN_NUMBERS[text.toLowerCase()];
  const ten = text.indexOf("十");
  if (ten < 0) return text.length === 1 ? ZH_DIGITS[text] : undefined;
  const tens = ten === 0 ? 1 : ZH_DIGITS[text.slice(0, ten)];
  const units = ten === text.length - 1 ? 0 : ZH_DIGITS[text.slice(ten + 1)];
  return tens === undefined || units === undefined ? undefined : tens * 10 + units;
}

const EN_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const EN_ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
  "5th": 5,
  "6th": 6,
  "7th": 7,
  "8th": 8,
  "9th": 9,
  "10th": 10,
};

const ZH_NUMBER = "[零〇一二两三四五六七八九十\\d]{1,3}";
// Mixed questions name the unit in English ("第三个 stage", "最后一个 stage").
const ZH_UNIT = "(?:个)?(?:阶段|段|步|部分|篇|章|期|站|\\s*[Ss]tages?\\b|\\s*[Pp]hases?\\b|\\s*[Ss]teps?\\b)";
const EN_UNIT = "(?:stage|step|phase|part|level|section|chapter)";

/**
 * "which stage comes once the second one is done?": "one" after an ordinal stands for the stage word
 * the question said before it, unless a kind of item follows ("the second one of its books").
 */
const EN_ORDINAL_ONE = new RegExp(
  `(?<=\\b(?:stages?|phases?)\\b[^?？]*?)\\bthe\\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|rd|th))\\s+one\\b(?![^?？]{0,30}\\b(?:books?|courses?|projects?|papers?|videos?|resources?|tools?|links?|items?)\\b)`,
  "iu",
);

/** The English unit words, one of which EN_UNIT matches (a pattern that needs EN_UNIT needs one of them). */
const EN_UNIT_WORDS = ["stage", "step", "phase", "part", "level", "section", "chapter"];

/**
 * `needs`: words one of which a question holds, lowercased, wherever the pattern matches it (the
 * pattern's literal words, or the alternatives of one of them); the pattern is run only then.
 */
const PATTERNS: { pattern: RegExp; needs: readonly string[]; read: (m: RegExpExecArray) => StageOrdinal | undefined }[] = [
  { pattern: new RegExp(`第\\s*(${ZH_NUMBER})\\s*${ZH_UNIT}`, "u"), needs: ["第"], read: (m) => fromStart(parseNumber(m[1]!)) },
  // "最后那个阶段", "最后这一段": a demonstrative between them, as for the first stage below.
  // "最后一关", "终极阶段": a learner's slang for the last stage names it as a game's last level.
  {
    pattern: new RegExp(`(?:最后|最终|末尾|终极)(?:那|这)?(?:一|的)?(?:${ZH_UNIT}|关(?![键于注系联心闭掉]))`, "u"),
    needs: ["最后", "最终", "末尾", "终极"],
    read: () => ({ from: "end", position: 1 }),
  },
  { pattern: new RegExp(`倒数第\\s*(${ZH_NUMBER})\\s*${ZH_UNIT}?`, "u"), needs: ["倒数第"], read: (m) => fromEnd(parseNumber(m[1]!)) },
  {
    pattern: new RegExp(`(?:最初|最开始|开头|刚开始|一开始)(?:的|那个|这个|那)?${ZH_UNIT}`, "u"),
    needs: ["最初", "最开始", "开头", "刚开始", "一开始"],
    read: () => ({ from: "start", position: 1 }),
  },
  // "at the very beginning", "the start": the first stage; "the beginning of stage 3" is not.
  {
    pattern: new RegExp(
      `\\bthe\\s+(?:very\\s+)?(?:beginning|start)\\b(?!\\s+of\\s+(?:the\\s+|each\\s+|every\\s+)?(?:${EN_UNIT}|\\d))`,
      "iu",
    ),
    needs: ["beginning", "start"],
    read: () => ({ from: "start", position: 1 }),
  },
  {
    // Not a count of a span right after the stage word ("the 3-stage 6-8 months article": 6 starts a span of time).
    pattern: new RegExp(
      `\\b${EN_UNIT}\\s*(?:no\\.?|#)?\\s*(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\b(?!\\s*(?:[-–—~～]\\s*\\d|to\\s+\\d|(?:months?|weeks?|days?|hours?|years?)\\b|个?月|周|天))`,
      "iu",
    ),
    needs: EN_UNIT_WORDS,
    read: (m) => fromStart(parseNumber(m[1]!)),
  },
  // "the final boss stage", "the endgame stage": slang for the last stage, from games' last level.
  {
    pattern: new RegExp(`\\b(?:(?:the\\s+)?(?:last|final)\\s+(?:boss\\s+)?(?:one\\s+|${EN_UNIT}s?\\b)|end-?game\\s+${EN_UNIT}\\b)`, "iu"),
    needs: ["last", "final", "end"],
    read: () => ({ from: "end", position: 1 }),
  },
  {
    pattern: new RegExp(`\\b(?:the\\s+)?(second|third|\\d(?:st|nd|rd|th))[\\s-]+(?:to[\\s-]+)?last\\s+${EN_UNIT}`, "iu"),
    needs: ["last"],
    read: (m) => fromEnd(EN_ORDINALS[m[1]!.toLowerCase()]! - 0),
  },
  // "which stage is second to last?", "the penultimate phase": the stage word said before, or after penultimate.
  {
    pattern: /(?<=\b(?:stages?|phases?)\b[^?？]*?)\b(?:the\s+)?(second|third)[\s-]+to[\s-]+last\b/iu,
    needs: ["last"],
    read: (m) => fromEnd(EN_ORDINALS[m[1]!.toLowerCase()]),
  },
  { pattern: new RegExp(`\\bpenultimate\\s+${EN_UNIT}`, "iu"), needs: ["penultimate"], read: () => ({ from: "end", position: 2 }) },
  {
    pattern: new RegExp(
      `\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|rd|th))\\s+${EN_UNIT}`,
      "iu",
    ),
    needs: EN_UNIT_WORDS,
    read: (m) => fromStart(EN_ORDINALS[m[1]!.toLowerCase()]),
  },
  { pattern: EN_ORDINAL_ONE, needs: ["stage", "phase"], read: (m) => fromStart(EN_ORDINALS[m[1]!.toLowerCase()]) },
];

function fromStart(n: number | undefined): StageOrdinal | undefined {
  return n !== undefined && n >= 1 ? { from: "start", position: n } : undefined;
}

function fromEnd(n: number | undefined): StageOrdinal | undefined {
  return n !== undefined && n >= 1 ? { from: "end", position: n } : undefined;
}

/** Each pattern as run on a question (ignoreCaseTest.ts: the English ones are `iu`, slow in V8 on every question). */
const PATTERNS_FOR = PATTERNS.map(({ pattern }) => ignoreCaseTwin(pattern));

/** ſ and K (U+212A): the only characters besides Latin letters that an `iu` pattern reads as a Latin letter. */
const FOLDS_TO_LETTER = /[\u017f\u212a]/;

/**
 * The first ordinal stage reference in a question, if any. A pattern runs only on a question holding
 * one of the words it needs (the lowercased question; any question with ſ or K runs them all): most
 * questions hold none of them, and every pattern ran on every one.
 */
export function stageOrdinal(question: string): StageOrdinal | undefined {
  const lower = question.toLowerCase();
  const folded = FOLDS_TO_LETTER.test(question);
  return earliestOrdinal(question, PATTERNS, (i) =>
    folded || PATTERNS[i]!.needs.some((word) => lower.includes(word)) ? PATTERNS_FOR[i]!(question) : undefined,
  );
}

/**
 * The ordinal the earliest reference of `patterns` reads in the question ("倒数第二阶段" is not
 * "第二阶段"); `patternAt` gives the i-th pattern as run on it, or none when it cannot match.
 */
function earliestOrdinal(
  question: string,
  patterns: readonly { read: (m: RegExpExecArray) => StageOrdinal | undefined }[],
  patternAt: (i: number) => RegExp | undefined,
): StageOrdinal | undefined {
  let best: { at: number; ordinal: StageOrdinal } | undefined;
  for (let i = 0; i < patterns.length; i++) {
    const match = patternAt(i)?.exec(question);
    if (!match) continue;
    const ordinal = patterns[i]!.read(match);
    if (ordinal && (!best || match.index < best.at)) best = { at: match.index, ordinal };
  }
  return best?.ordinal;
}

/**
 * Ordinal references to an item of a list ("第三个方向", "第4点", "排第三的", "the third approach"):
 * the stages of a roadmap that is one numbered list (roadmapProfile.ts `listItems`). Read only for
 * such a roadmap: elsewhere "第二个方向" is a direction inside a stage, not a stage.
 */
const ITEM_PATTERNS: { pattern: RegExp; read: (m: RegExpExecArray) => StageOrdinal | undefined }[] = [
  {
    pattern: new RegExp(`第\\s*(${ZH_NUMBER})\\s*(?:个|条|种)?\\s*(?:点|条|方向|方法|做法|玩法|方式|路子)`, "u"),
    read: (m) => fromStart(parseNumber(m[1]!)),
  },
  { pattern: new RegExp(`排(?:在)?第\\s*(${ZH_NUMBER})(?=的|个|位|名)`, "u"), read: (m) => fromStart(parseNumber(m[1]!)) },
  {
    pattern:
      /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d(?:st|nd|rd|th))\s+(?:item|point|approach|direction|way|option)s?\b/iu,
    read: (m) => fromStart(EN_ORDINALS[m[1]!.toLowerCase()]),
  },
];

/** The first item ordinal a question states (ITEM_PATTERNS), from the list's start. */
export function itemOrdinal(question: string): StageOrdinal | undefined {
  return earliestOrdinal(question, ITEM_PATTERNS, (i) => ITEM_PATTERNS[i]!.pattern);
}

/**
 * The text with each ordinal stage reference replaced (by what `replacement` returns for it):
 * a follow-up that names its own stage drops the conversation's, and one that moves on from a
 * stage ("and the one after it?") carries the stage it moved to.
 */
export function replaceStageOrdinals(text: string, replacement: (ordinal: StageOrdinal) => string): string {
  let rest = text;
  let done = "";
  for (;;) {
    // The earliest reference first, as stageOrdinal reads it ("倒数第二阶段" is not "第二阶段").
    let best: { match: RegExpExecArray; ordinal: StageOrdinal } | undefined;
    for (const { pattern, read } of PATTERNS) {
      const match = pattern.exec(rest);
      const ordinal = match ? read(match) : undefined;
      if (match && ordinal && (!best || match.index < best.match.index)) best = { match, ordinal };
    }
    if (!best) break;
    done += `${rest.slice(0, best.match.index)} ${replacement(best.ordinal)} `;
    rest = rest.slice(best.match.index + best.match[0].length);
  }
  return (done + rest).replace(/\s+/g, " ").trim();
}

/** The item an ordinal picks from a list of stages, if the list is long enough. */
export function pick<T>(items: readonly T[], ordinal: StageOrdinal): T | undefined {
  const index = ordinal.from === "start" ? ordinal.position - 1 : items.length - ordinal.position;
  return index >= 0 ? items[index] : undefined;
}

/** A direction word right after (Chinese) or before (English) a stage reference: the stage it is measured from. */
/**
 * A stage the learner finishes ("第七阶段学完以后", "第三段走完了", "once I'm done with stage 7") is
 * where the question moves on from, whichever finishing verb (questionCues.ts FINISHING_VERBS; a
 * question is read in Simplified script) stands between the stage and its "after".
 */
const FINISHED_STAGE = `(?:${[...FINISHING_VERBS, "结束", "完成"].map(escapeRegExp).join("|")})了?`;
const ANCHOR_NEXT = new RegExp(
  [
    String.raw`\u0000\s*(?:的)?(?:之后|以后|後|后面|後面|后|结束后|結束後|学完后|學完後)`,
    String.raw`\u0000\s*(?:的)?\s*${FINISHED_STAGE}`,
    // "最后一个阶段的下一个", "前沿研究的下一阶段": the stage after it.
    String.raw`\u0000\s*的?\s*下一?(?:个|步|阶段)`,
    String.raw`\b(?:after|beyond|past|following)\s+(?:the\s+)?\u0000`,
    String.raw`\b(?:after\s+(?:finishing|completing)|once\s+(?:i'?m|i\s+am|i'?ve|i\s+have|we'?re|you'?re)?\s*(?:done\s+with|finished|completed|through))\s+(?:with\s+)?(?:the\s+)?\u0000`,
  ].join("|"),
  "iu",
);
const ANCHOR_PREVIOUS = /\u0000\s*(?:的)?(?:之前|以前|前面|前)|\bbefore\s+(?:the\s+)?\u0000/iu;

/**
 * "入门阶段之前还有什么阶段", "入门阶段之前呢", "which stage comes before stage 1?", "is there a stage
 * zero?": before the stage a question names (marked with U+0000, as directionFromReference reads
 * it), what it asks for is the stage there, not something to learn or set up first
 * ("第一阶段之前要准备什么", "what should I know before stage 1?"): a roadmap's opening, its preface,
 * may answer those.
 */
export function asksForStageBefore(marked: string): boolean {
  if (STAGE_ZERO.test(marked)) return true;
  const zh = /\u0000\s*的?\s*(?:之前|以前|前面|前一个?|上一个?)/u.exec(marked);
  if (zh) {
    const asked = marked.slice(zh.index + zh[0].length);
    return (
      NEIGHBOUR_ITSELF_ZH.test(asked) ||
      STAGE_FIRST_ZH.test(asked) ||
      (/阶段|\bstages?\b|\bphases?\b/iu.test(asked) && !PREPARATION_ZH.test(asked))
    );
  }
  return (STAGE_BEFORE_EN.test(marked) || NOTHING_ELSE_BEFORE_EN.test(marked)) && !PREPARATION_EN.test(marked);
}

const STAGE_ZERO = /第\s*[0０零〇]\s*(?:个\s*)?(?:阶段|階段|段)|\b(?:stage|phase)\s*(?:0|zero)\b|\bzeroth\s+(?:stage|phase)\b/iu;

/** "第0阶段", "stage zero": a stage before the first, which no roadmap numbers (stageOrdinal reads none). */
export function asksStageZero(question: string): boolean {
  return STAGE_ZERO.test(question);
}
const STAGE_BEFORE_EN =
  /\b(?:what|which|any|is there an?|are there)\s+(?:\w+\s+){0,2}?(?:stages?|phases?)\b[^.?!\u0000]*\bbefore\s+(?:the\s+)?\u0000|\b(?:stages?|phases?)\s+(?:that\s+)?(?:comes?\s+|is\s+)?(?:right\s+|just\s+)?before\s+(?:the\s+)?\u0000/iu;
/** After the direction word, only "what is it": "之前是什么", "之前呢", "前一个是哪个阶段？". */
const NEIGHBOUR_ITSELF_ZH =
  /^\s*(?:的)?(?:还有|還有|就是|又是|会是|應該是|应该是|是)?\s*(?:什么|什麼|啥|哪个|哪個|哪一个|哪一個|哪一?步|哪一?篇|谁)?\s*(?:阶段|步|篇|部分|东西|東西)?\s*(?:了|呢|吗|嗎|啊|呀|吧)?\s*[？?。!！]*\s*$/u;
/** "之前的阶段要学什么": the stage there is what the rest of the question is about. */
const STAGE_FIRST_ZH = /^\s*的?\s*(?:那一?个|那|这一?个)?\s*(?:阶段|\bstage\b|\bphase\b)/iu;
/** "What comes before stage 1?", "and what's before 入门?": nothing asked but the stage there. */
const NOTHING_ELSE_BEFORE_EN =
  /^(?:(?:in|for)\s+[^,]+,\s*)?(?:and\s+|so\s+)?(?:what|which)(?:'s|\s+is|\s+comes|\s+came)?\s+(?:right\s+|just\s+|immediately\s+)?before\s+(?:the\s+)?\u0000\s*[?.!]*\s*$/iu;
/** Something to learn, read or set up first. */
const PREPARATION_ZH = /学|准备|掌握|具备|了解|懂|会|基础|前置|先修|读|看|装/u;
const PREPARATION_EN = /\b(?:learn|know|need|study|read|prepare|set ?up|install|should i)|prerequisite/iu;

/**
 * The direction a question measures from its stage reference ("最后一个阶段之后", "after the last
 * stage", "第一阶段之前"): the stage is where it starts, not what it asks for ("after the deep-dive
 * stage, what is the final stage?" asks for the final stage). Undefined when no direction word
 * stands beside the reference.
 */
export function directionFromOrdinal(question: string): "next" | "previous" | undefined {
  return directionFromReference(replaceStageOrdinals(question, () => "\u0000"));
}

/**
 * directionFromOrdinal of a question whose stage reference is already marked with U+0000 (a stage
 * named by its name, "前沿研究阶段之后"): the same reading of the words beside the reference.
 */
export function directionFromReference(marked: string): "next" | "previous" | undefined {
  if (!marked.includes("\u0000")) return undefined;
  return ANCHOR_NEXT.test(marked) ? "next" : ANCHOR_PREVIOUS.test(marked) ? "previous" : undefined;
}
