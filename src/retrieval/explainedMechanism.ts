import type { Chunk } from "../chunking/types.js";
import { escapeRegExp } from "../text/escapeRegExp.js";
import type { TermGroup } from "./abstention.js";
import { foldForMatching } from "./listItems.js";
import { wordsBesideSubject } from "./questionWords.js";
import type { Passage } from "./types.js";

/**
 * "How exactly does X work / how is X done, step by step": a question about the workings of a
 * thing is answered only by a passage that explains that thing (a procedure, a cause, how it
 * works), not by one that lists it among others ("前沿方向：MoE 架构、…", "框架（如 A、B 等）").
 * A roadmap names far more things than it explains, so a question of this shape about a thing it
 * only names is low. Called from confidence.ts beside the detail kinds (detailKinds.ts).
 */

const HOW_ZH = "(?:怎么|怎麼|如何|咋)";

/**
 * "X 是什么原理", "X 的原理是啥": the principle a thing works by. A roadmap gives one as a phrase of
 * its own about the thing ("LoRA 微调：深入理解低秩矩阵分解"), which a thing only listed among others
 * ("参数高效方法(LoRA, QLoRA)") lacks (它背后的数学原理 asks which mathematics: a list answers).
 * A question that is only the thing and its principle ("MoE原理", "X 的工作原理？") asks the same;
 * 哪些原理 or 设计原理 at its end asks which principles, which a list answers, 它的原理 points
 * back to a thing named elsewhere in the question, and 学原理 is what to study, not how a thing works.
 */
const PRINCIPLE_ASKED =
  /(?<!数学|數學)(?:是\s*)?(?:什么|什麼|啥)\s*原理|(?<!数学|數學)原理\s*(?:(?:是\s*)?(?:什么|什麼|啥)|(?:为何|為何)(?=\s*(?:[?？。]|$)))|(?<!数学|數學|哪些|哪种|哪種|什么|什麼|啥|基本|设计|設計|它的|它|其|学|學|懂|补|補|啃|看)原理\s*[吗嗎呢啊呀?？。!！]*\s*$/u;

const MECHANISM_ASKED = new RegExp(
  [
    // 具体要怎么训, 具体是干嘛用的: the particulars of a thing, not what a roadmap says of it
    // (具体要干嘛 asks what to do: a plan answers that).
    `具[体體]\\s*(?:要|该|該|应该|應該|是|得)?\\s*(?:${HOW_ZH}|(?:干嘛|幹嘛)用)`,
    // 是怎么切的, 是如何决定的: how it is done inside, not how a document describes it (是怎么说/评价/定义的),
    // lays it out (是怎么安排/规划/分配的: the plan answers) nor what it is like (是怎样的).
    `是\\s*${HOW_ZH}\\s*(?!说|說|评|評|定义|定義|解释|解釋|说明|說明|提|写|寫|介绍|介紹|讲|講|描述|设计|設計|排(?!序)|安排|规划|規劃|计划|計劃|分配|编排|編排|组织|組織|比|回答|演|走|建议|建議|看|理解|划分|劃分|分|样|樣)\\p{Script=Han}{1,2}的`,
    `${HOW_ZH}\\s*(?:决定|決定)`,
    // 内部是怎么做到的, 底层是怎么 implement 的: how it works inside, whatever verb follows, in either
    // language (not "底层怎么运作我不关心", the learner's situation).
    `(?:内部|內部|底层|底層)\\s*(?:是|又是|到底是)\\s*${HOW_ZH}`,
    // 具体用了啥 trick, 具体用了什么方法: the particular technique inside a thing.
    `具[体體]\\s*(?:用了|用的是|采用了|採用了)\\s*(?:什么|什麼|啥|哪些|哪种|哪種)\\s*(?:方法|技术|技術|技巧|算法|trick|tricks|technique)`,
    // 是什么原理, 原理是啥, 原理为何 (PRINCIPLE_ASKED): how it works inside.
    PRINCIPLE_ASKED.source,
    // A named thing run or deployed (Dify 要怎么部署, notebook 要怎么跑).
    `[A-Za-z][\\w.-]*\\s*(?:要|该|該)?\\s*${HOW_ZH}\\s*(?:跑|部署|运行|運行)`,
    "\\bhow\\s+(?:exactly\\s+)?(?:does|do|is|are)\\b[^?？]{1,60}\\bwork\\b",
    // "routing 怎么 work 的": the English verb in a Chinese question, as learners mix them.
    `${HOW_ZH}\\s*work(?:s|ed)?\\b`,
    // 是怎么实现加速的, 是如何实现并行的: how a result is achieved inside, not that it is.
    `是\\s*${HOW_ZH}\\s*(?:实现|實現|做到)\\s*\\p{Script=Han}{1,4}的(?=\\s*(?:[?？。!！啊呀呢吗嗎]|$))`,
    "\\bhow\\s+exactly\\b",
    // A formula, or how a quantity is computed (计算公式, Q、K、V 是怎么算出来的, "how is the loss computed"):
    // a roadmap names what to learn, it rarely writes out the mathematics.
    `公式|\\bformulas?\\b|\\bequations?\\b|${HOW_ZH}\\s*(?:算|计算|計算)出[来來]`,
    "\\bhow\\s+(?:is|are|do\\s+you|does\\s+one)\\b[^?？]{1,40}\\b(?:computed|calculated|derived|implemented)\\b",
    // How a model was trained or a thing built (CLIP 是怎样训练出来的, "how was it trained"): its making,
    // which a roadmap that lists it does not tell.
    `(?:${HOW_ZH}|怎样|怎樣)\\s*(?:训练|訓練|train(?:ed)?|实现|實現)\\s*(?:出[来來]|的(?=\\s*(?:[?？。!！啊呀呢吗嗎]|$)))`,
    "\\bhow\\s+(?:is|are|was|were)\\b[^?？]{1,40}\\btrained\\b",
    // 一步步怎么弄, 一步一步教我: a procedure asked (手把手教 … 的资源 asks for a resource instead).
    `一步一?步\\s*(?:${HOW_ZH}|教)`,
    "\\bstep[- ]by[- ]step\\s+(?:guide|instructions?|walkthrough)\\b",
    "\\bwalk\\s+me\\s+through\\b",
  ].join("|"),
  "iu",
);

/** Whether the question asks how a thing works or is done, in particular. */
export function mechanismAsked(question: string): boolean {
  return MECHANISM_ASKED.test(question);
}

/** The words that ask (具体, 怎么, work, step by step): with the everyday words (wordsBesideSubject), not the thing asked about. */
const ASKING_WORDS =
  /原理|具[体體]|一步一?步|教|怎么|怎麼|如何|咋|干嘛|幹嘛|决定|決定|要|是|的|跑|部署|运行|運行|\b(?:how|exactly|does|do|work|works|step|by|walk|me|through|guide|instructions?)\b/giu;

/**
 * The passages about the thing asked: those holding the question's rarest content term, whether or
 * not any passage holds it. "RLHF 的奖励模型具体要怎么训" is about the reward model: passages on
 * RLHF that never name it do not explain it (the detail focus would settle for the rarest term
 * some passage holds).
 */
export function mechanismFocus(
  question: string,
  passages: readonly Passage[],
  groups: readonly TermGroup[],
  tokensOf: (chunk: Chunk) => ReadonlySet<string>,
): { chunkIds: string[]; terms: string[] } | undefined {
  const left = new Set(wordsBesideSubject(question, ASKING_WORDS));
  let subject: TermGroup | undefined;
  for (const group of groups) {
    if (group.tokens.some((t) => left.has(t))) continue;
    if (!subject || group.weight > subject.weight) subject = group;
  }
  if (!subject) return undefined;
  const holders = passages.filter((p) => subject.tokens.some((t) => tokensOf(p.chunk).has(t)));
  // A glossary term is looked for by its whole names: 专家 of "混合专家" names any expert.
  return { chunkIds: holders.map((p) => p.chunk.id), terms: [...(subject.names ?? subject.tokens)] };
}

/** What explaining looks like: a means (通过, 利用, by), steps (首先, 然后, 步骤), a cause or a working (原理, 机制, because). */
const EXPLAINS =
  /通过|通過|基于|基於|利用|采用|採用|借助|相?结合|相?結合|步骤|步驟|首先|然后|然後|接着|接著|第[一二三1-3]步|流程|原理|机制|機制|负责|負責|根据|根據|因为|因為|由于|由於|从而|從而|以便|\bby\s+\w+ing\b|\bsteps?\b|\bfirst\b|\bthen\b|\bbecause\b|\bworks?\s+by\b/iu;

/**
 * Whether a line explains the term: it says how (EXPLAINS), or says what the term is or is for
 * (X 是…, X：…, X 用于…), in a clause that names the term outside brackets (框架（如 A、B 等）), an
 * example (如/例如/包括/e.g. …) and an enumeration (A、B、C): there the term is listed among
 * others, not explained.
 */
function explainsTerm(line: string, term: string, principle: boolean): boolean {
  const folded = foldForMatching(term);
  const unlisted = line.replace(/[（(][^（()）]*[)）]/gu, " ").replace(/(?:例如|比如|如|包括|e\.g\.|such as)[^，,。；;]*/giu, " ");
  const defines = new RegExp(`${escapeRegExp(term)}\\s*(?:是|指|用于|用於|用来|用來|[:：]\\s*\\S|\\s(?:is|are)\\s)`, "iu");
  return unlisted.split(/[，,。；;]/u).some((clause) => {
    if (/[、/]/u.test(clause)) return false;
    const foldedClause = foldForMatching(clause);
    return foldedClause.includes(folded) && !onlyNames(foldedClause, folded) && (principle || EXPLAINS.test(line) || defines.test(clause));
  });
}

/** What a bare mention adds to a name: the kind of thing it is ("- Mixture of Experts (MoE)架构"). */
const KIND_WORDS = /架构|架構|框架|模型|算法|技术|技術|方法|\b(?:architectures?|frameworks?|models?|algorithms?|methods?)\b/giu;

/**
 * A clause that says nothing but the name and its kind: one item of a list, which names the thing
 * without explaining it. Both folded (foldForMatching).
 */
function onlyNames(clause: string, term: string): boolean {
  const rest = clause.split(term).join(" ").replace(KIND_WORDS, " ");
  // Two letters or digits left, wherever they stand, say something more.
  return rest.replace(/[^\p{L}\p{N}]+/gu, "").length < 2;
}

/**
 * Whether the passages about the subject explain it: a line naming it explains it (explainsTerm),
 * or a passage whose heading (its first line here) names it says how anywhere.
 */
export function mechanismExplained(texts: readonly string[], terms: readonly string[] | undefined, question = ""): boolean {
  if (!terms || terms.length === 0) return texts.some((text) => EXPLAINS.test(text));
  const folded = terms.map(foldForMatching).filter((term) => term !== "");
  // A principle asked is given by any line about the thing itself, not only one that says how.
  const principle = PRINCIPLE_ASKED.test(question);
  return texts.some((text) => {
    const [heading = "", ...lines] = text.split("\n");
    if (folded.some((term) => foldForMatching(heading).includes(term))) return principle || EXPLAINS.test(text);
    return lines.some(
      (line, i) => folded.some((term) => explainsTerm(line, term, principle)) || describedBelow(lines, i, folded, principle),
    );
  });
}

/** A list item or paragraph's first line. */
const ITEM_START = /^\s*(?:[-*•·●▪]|\d+[.、)）])\s*/u;

/**
 * "• 智能客服" with its description on the next line ("基于 LangChain 的 Agent 系统…"): an item that
 * is only the name, said of below, as a heading is. The next line must not start another item.
 */
function describedBelow(lines: readonly string[], at: number, folded: readonly string[], principle: boolean): boolean {
  const line = foldForMatching(lines[at]!);
  if (!folded.some((term) => line.includes(term) && onlyNames(line, term))) return false;
  let next = at + 1;
  while (next < lines.length && lines[next]!.trim() === "") next++;
  if (next === lines.length || ITEM_START.test(lines[next]!)) return false;
  return principle || EXPLAINS.test(lines[next]!);
}
