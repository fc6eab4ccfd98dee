import { findGlossaryMatches } from "./glossary.js";

/**
 * Where a learner tells their situation before asking: "我在厂里搞PLC自动化的。", "我大一刚在广州学完C语言，",
 * "I work night shifts at a Penang hospital,". A name there (PLC, 广州, Penang) is who the learner
 * is or where they stand, not what they ask about; the documents need not name it to answer the
 * question that follows. Learners who tell a little story before asking write such clauses often.
 *
 * A situation clause: one clause (between punctuation) that opens with the learner speaking of
 * themselves and holds no question, no wish and no learning under way. "我想学React" wishes,
 * "我在学 React" learns it now, "I'm learning Rust, does the roadmap cover it?" asks of it: each
 * names what is asked, and stays.
 */

/** A clause's bounds: Chinese and Western punctuation, and line breaks. */
const CLAUSE_BREAK = /[，,。.！!？?；;：:\n]/u;

const SELF_OPENING_ZH = /^(?:我|本人|俺|我们|我們|作为|作為|身为|身為)/u;
const SELF_OPENING_EN = /^(?:i|i'm|i've|i'd|im|my|we|we're|our|as\s+(?:a|an)\b)\b/iu;

/**
 * A question, a wish or a plan, learning under way, or a trouble ("我 pip install 的时候老是报 SSL 错误，咋整"):
 * the clause is what is asked, however short the clause that asks after it.
 */
const ASKING_ZH =
  /[吗嗎呢么麼啥]|什么|什麼|哪|几|幾|多少|怎|如何|是否|要不要|能不能|可不可以|有没有|有沒有|想|要学|要學|打算|准备|準備|希望|计划|計劃|正在|在学|在學|学着|學著|请问|請問|报错|報錯|报|報|错误|錯誤|失败|失敗|异常|異常|崩|卡住|不行|问题|問題/u;
const ASKING_EN =
  /\b(?:what|which|who|whom|whose|where|when|why|how|should|could|would|can|do|does|did|is|are|want|wanna|hope|plan|planning|thinking|interested|like|learning|studying|trying|curious|wonder|wondering|prepare|preparing|prep|need|needs|error|errors|bug|bugs|fails?|failed|failing|crash|crashes|crashed|issue|issues|problem|problems|stuck|broken)\b/iu;

/**
 * Chinese puts no space between words, so a space between two Han characters is where a learner
 * typing as in a chat ends a clause: "第四阶段的项目三是啥呀 我学护理的 感觉跟我专业有关系".
 */
const HAN = /\p{Script=Han}/u;
function breaksClause(question: string, at: number): boolean {
  const char = question[at]!;
  if (CLAUSE_BREAK.test(char)) return true;
  if (!/\s/u.test(char)) return false;
  const before = question.slice(0, at).trimEnd().at(-1);
  const after = question.slice(at).trimStart()[0];
  return before !== undefined && after !== undefined && HAN.test(before) && HAN.test(after);
}

/** The clauses of `question`, each with where it starts and the mark that ends it ("" at the end). */
function clauses(question: string): { text: string; start: number; end: string }[] {
  const found: { text: string; start: number; end: string }[] = [];
  let start = 0;
  for (let at = 0; at <= question.length; at++) {
    if (at === question.length || breaksClause(question, at)) {
      if (at > start) found.push({ text: question.slice(start, at), start, end: question[at] ?? "" });
      start = at + 1;
    }
  }
  return found;
}

function isSituation(clause: string): boolean {
  const text = clause.trim();
  // "我要 prepare IELTS": a plan told in English words inside the Chinese is a plan all the same.
  if (SELF_OPENING_ZH.test(text)) return !ASKING_ZH.test(text) && !ASKING_EN.test(text);
  if (SELF_OPENING_EN.test(text)) return !ASKING_EN.test(text) && !ASKING_ZH.test(text);
  return false;
}

/**
 * "…总共要多久啊？想给团队定个OKR", "…是哪个？想快速搭个 MVP 验证下": a wish told after the question is
 * asked, that asks nothing and learns nothing, is what the learner will do with the answer. "？想学
 * React" wishes to learn it: that names what is asked, and stays.
 */
const PURPOSE_OPENING = /^(?:我?(?:想要?|打算|准备|準備|希望))/u;
const LEARNING = /学|學|看|读|讀|了解|入门|入門|\b(?:learn|study|read)/u;
function isPurposeAfterQuestion(clause: { text: string }, previous: { end: string } | undefined): boolean {
  const text = clause.text.trim();
  if (!previous || !/[？?]/u.test(previous.end) || !PURPOSE_OPENING.test(text)) return false;
  const rest = text.replace(PURPOSE_OPENING, "");
  return !ASKING_ZH.test(rest) && !LEARNING.test(rest);
}

/**
 * What the rest of the question must name for the situation to be beside the point: a term of the
 * field or a stage. "我用过 Vue。路线里有讲吗？" asks of Vue, left unsaid; "…第三阶段主要学啥" asks its own.
 */
const STAGE_WORD = /阶段|階段|\b(?:stages?|phases?)\b/iu;

/**
 * A roadmap's stage by its place (第四阶段, "stage 2", "the last stage"): a question of the roadmap itself.
 * Not 入门阶段, which any subject's learning has ("我是陶艺新手，入门阶段该看哪些书").
 */
const STAGE_BY_PLACE =
  /第\s*[零〇一二两兩三四五六七八九十\d]+\s*(?:个|個)?\s*(?:阶段|階段|段|步)|\b(?:stage|phase)\s*\d+\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|last|final)\s+(?:stage|phase)\b/iu;

/** A pronoun that points back at what the learner said ("As a fan of Rust, does the guide cover it?"). */
const POINTS_BACK = /它|\b(?:it|them)\b/iu;

function asksOfItsOwn(text: string): boolean {
  return !POINTS_BACK.test(text) && (STAGE_WORD.test(text) || findGlossaryMatches(text).length > 0);
}

/**
 * Whether every place `name` is written in the question lies in a clause where the learner tells their situation.
 * `stageAsked`: only when the rest asks of a roadmap's stage by its place ("第四阶段的项目三是啥 我学护理的": the
 * learner's background; before "入门该看什么书" it is what they want to learn).
 */
export function onlyInSituation(question: string, name: string, options: { stageAsked?: boolean } = {}): boolean {
  const lowerQuestion = question.toLowerCase();
  const lowerName = name.toLowerCase();
  const all = clauses(question);
  const situations = all.filter((clause, k) => isSituation(clause.text) || isPurposeAfterQuestion(clause, all[k - 1]));
  if (situations.length === 0) return false;
  const asking = all.filter((clause) => !situations.includes(clause));
  const asksItsOwn = options.stageAsked ? (text: string) => STAGE_BY_PLACE.test(text) && !POINTS_BACK.test(text) : asksOfItsOwn;
  if (!asking.some((clause) => asksItsOwn(clause.text)) || asking.some((clause) => POINTS_BACK.test(clause.text))) return false;
  let seen = false;
  for (let at = lowerQuestion.indexOf(lowerName); at >= 0; at = lowerQuestion.indexOf(lowerName, at + 1)) {
    seen = true;
    const inside = situations.some((clause) => at >= clause.start && at + lowerName.length <= clause.start + clause.text.length);
    if (!inside) return false;
  }
  return seen;
}
