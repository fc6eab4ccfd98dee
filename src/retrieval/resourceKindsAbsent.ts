import { recentlyComputed } from "../text/recentlyComputed.js";

/**
 * "七阶段那份要求先看哪本教材？", "which paper does the three-stage post say to read first?": a kind of
 * resource (a book, a paper, a course) asked of the roadmap the question names. A roadmap that
 * never names a resource of that kind (no 《title》 and no word for a book anywhere in it) answers
 * no "which book", whatever stage its passages show. Read in Simplified characters (questions are
 * converted first).
 */

interface ResourceKind {
  /** The question asks which one of the kind. */
  asked: RegExp;
  /** The roadmap's text names one of the kind, or the kind itself. */
  named: RegExp;
}

/** "which book", "what is the recommended textbook", "what's a good paper": which one of the kind. */
const WHICH_EN = String.raw`\b(?:which|what)(?:'s|\s+(?:is|are|was|were))?\s+(?:the\s+|a\s+|an\s+|some\s+)?`;
/** "does it recommend any books", "recommended papers": the kind named as what the roadmap recommends. */
const RECOMMENDS_EN = String.raw`\b(?:recommends?|recommended|suggests?|suggested|lists?|names?)\s+(?:any\s+|a\s+|some\s+|the\s+)?`;

const KINDS: readonly ResourceKind[] = [
  {
    asked: new RegExp(
      String.raw`(?:哪|什么|啥)\s*(?:一|几)?\s*本|(?:哪|什么|啥)(?:一|几)?(?:个|些|种|类)?\s*[^\s，,。？?！!时候]{0,6}?(?:书|教材|课本)|(?:推荐|建议|指定)(?:了|的|过)?\s*(?:什么|哪些|哪本|几本)?\s*(?:书|教材|课本)|${WHICH_EN}(?:[\w-]+\s+){0,2}(?:books?|textbooks?)\b|${RECOMMENDS_EN}(?:[\w-]+\s+){0,1}(?:books?|textbooks?)\b`,
      "iu",
    ),
    named: /《|书|教材|课本|\b(?:books?|textbooks?)\b/iu,
  },
  {
    asked: new RegExp(
      String.raw`(?:哪|什么|啥)(?:一|几)?(?:篇|些|个)?\s*[^\s，,。？?！!时候]{0,6}?论文|${WHICH_EN}(?:[\w-]+\s+){0,2}papers?\b|${RECOMMENDS_EN}(?:[\w-]+\s+){0,1}papers?\b`,
      "iu",
    ),
    named: /论文|arxiv|\bpapers?\b/iu,
  },
];

/** Documents' texts whose answer is remembered, per kind: more than a corpus of roadmaps holds. */
const DOCUMENTS_REMEMBERED = 16;

/** Whether a roadmap's text names each kind, remembered: the question's roadmap is one of a few documents, read whole for every such question. */
const namesKind = KINDS.map((kind) => recentlyComputed(DOCUMENTS_REMEMBERED, (text: string) => kind.named.test(text)));

/** Whether the question asks which resource of a kind that the roadmap's text never names. */
export function asksResourceKindAbsent(question: string, roadmapText: string): boolean {
  return KINDS.some((kind, i) => kind.asked.test(question) && !namesKind[i]!(roadmapText));
}
