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

const KINDS: readonly ResourceKind[] = [
  {
    asked:
      /(?:哪|什么|啥)\s*(?:一|几)?\s*本|(?:哪|什么|啥)(?:一|几)?(?:个|些|种|类)?\s*[^\s，,。？?！!时候]{0,6}?(?:书|教材|课本)|\b(?:which|what)\s+(?:[\w-]+\s+){0,2}(?:books?|textbooks?)\b/iu,
    named: /《|书|教材|课本|\b(?:books?|textbooks?)\b/iu,
  },
  {
    asked: /(?:哪|什么|啥)(?:一|几)?(?:篇|些|个)?\s*[^\s，,。？?！!时候]{0,6}?论文|\b(?:which|what)\s+(?:[\w-]+\s+){0,2}papers?\b/iu,
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
