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
  /\b(?:what|which|who|whom|whose|where|when|why|how|should|could|would|can|do|does|did|is|are|want|wanna|hope|plan|planning|thinking|interested|like|learning|studying|trying|curious|wonder|wondering|error|errors|bug|bugs|fails?|failed|failing|crash|crashes|crashed|issue|issues|problem|problems|stuck|broken)\b/iu;

/** The clauses of `question`, each with where it starts. */
function clauses(question: string): { text: string; start: number }[] {
  const found: { text: string; start: number }[] = [];
  let start = 0;
  for (let at = 0; at <= question.length; at++) {
    if (at === question.length || CLAUSE_BREAK.test(question[at]!)) {
      if (at > start) found.push({ text: question.slice(start, at), start });
      start = at + 1;
    }
  }
  return found;
}

function isSituation(clause: string): boolean {
  const text = clause.trim();
  if (SELF_OPENING_ZH.test(text)) return !ASKING_ZH.test(text);
  if (SELF_OPENING_EN.test(text)) return !ASKING_EN.test(text) && !ASKING_ZH.test(text);
  return false;
}

/**
 * What the rest of the question must name for the situation to be beside the point: a term of the
 * field or a stage. "我用过 Vue。路线里有讲吗？" asks of Vue, left unsaid; "…第三阶段主要学啥" asks its own.
 */
const STAGE_WORD = /阶段|階段|\b(?:stages?|phases?)\b/iu;

/** A pronoun that points back at what the learner said ("As a fan of Rust, does the guide cover it?"). */
const POINTS_BACK = /它|\b(?:it|them)\b/iu;

function asksOfItsOwn(text: string): boolean {
  return !POINTS_BACK.test(text) && (STAGE_WORD.test(text) || findGlossaryMatches(text).length > 0);
}

/** Whether every place `name` is written in the question lies in a clause where the learner tells their situation. */
export function onlyInSituation(question: string, name: string): boolean {
  const lowerQuestion = question.toLowerCase();
  const lowerName = name.toLowerCase();
  const all = clauses(question);
  const situations = all.filter((clause) => isSituation(clause.text));
  if (situations.length === 0) return false;
  const asking = all.filter((clause) => !situations.includes(clause));
  if (!asking.some((clause) => asksOfItsOwn(clause.text)) || asking.some((clause) => POINTS_BACK.test(clause.text))) return false;
  let seen = false;
  for (let at = lowerQuestion.indexOf(lowerName); at >= 0; at = lowerQuestion.indexOf(lowerName, at + 1)) {
    seen = true;
    const inside = situations.some((clause) => at >= clause.start && at + lowerName.length <= clause.start + clause.text.length);
    if (!inside) return false;
  }
  return seen;
}
