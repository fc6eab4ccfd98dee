/**
 * The one reading of words that point at a document. A learner calls a roadmap by a noun for a
 * document (路线, 清单, 文章, "the guide", "that post") and says which one with the word before it:
 * this or that one (那篇, 同一份清单, "that guide": the one the conversation is about), which one (哪篇,
 * "which roadmap": a choice among them), another one (其他几份, "the other guides"). Follow-ups read
 * these to keep or leave the conversation's roadmap (answering/followUpCues.ts, followUpScope.ts);
 * the roadmap reference reads a word for a document to tell a description of one from a description
 * of anything (retrieval/roadmapReference.ts). The nouns are listed here once: a new one is added
 * here. Questions are read in Simplified (the callers convert them first).
 */

/** Chinese nouns for a document. */
const ZH_NOUNS = "路线|路径|清单|列表|文章|博客|指南|教程|笔记";
/** English nouns for a document, singular (a reading that takes plurals says so). */
const EN_NOUNS = "roadmap|guide|article|post|list|blog|document";

/** A noun for a document in either language (English plurals too), as a pattern's source to build on: a word that says which document, not what about it. */
export const DOCUMENT_NOUN = `(?:${ZH_NOUNS})|\\b(?:${EN_NOUNS})s?\\b`;

/**
 * Words for a document in either language, a measure word for one (篇, 份) and a collection (汇总,
 * 资料) included; "the GitHub one" and "the post as an issue" too. A count beside one describes the
 * document ("列了四点的那篇"), and a host beside one names where the document lives.
 */
export const SAYS_DOCUMENT = new RegExp(
  `篇|份|汇总|彙整|资料|資料|部落格|帖子|路線|清單|筆記|${ZH_NOUNS}|\\b(?:${EN_NOUNS}|notes?|write-?up|issues?|one)\\b`,
  "iu",
);

/**
 * This or that document, or the same one, or what it says: "那篇", "同一份清单", "文中", "路线图里",
 * "它说…", "that article", "the same list", "does it say …", "in there". Not "那篇之后" or "那篇上面" (a
 * part before or after), which is a place in it.
 */
export const POINTED_DOCUMENT = new RegExp(
  [
    `(?:[这那该]|同一)[一个]?\\s*(?:篇|份|张图|(?:${ZH_NOUNS})(?:图)?)(?!\\s*(?:[上下前后]|之[前后]))`,
    `文中|文里|文章[里中]|(?:${ZH_NOUNS})(?:图)?[里中上]`,
    "它(?:[还也又]?(?:说|讲|提|推荐|建议|要|列|写|有没有说|有说))",
    `\\b(?:that|this|the same|same)\\s+(?:${EN_NOUNS}|reading list|doc|page|piece|stage|phase|section)\\b`,
    "\\b(?:does|did)\\s+(?:it|they|the (?:article|guide|list|post|roadmap|author))\\s+(?:say|mention|suggest|recommend|list|cite|give|talk|explain|pair|cover)",
    "\\bit\\s+(?:says|recommends|mentions|suggests|lists|pairs)\\b|\\bin\\s+(?:it|there)\\b",
    // "what's its title there?": a question ending on "there" points at the document being talked about.
    "(?<!\\b(?:is|are|was|were|get|go|going|be)\\s+)\\bthere\\s*[?？.!！]*\\s*$",
  ].join("|"),
  "iu",
);

/** Which document: 哪篇 / 哪一份 / 哪条路线 / which roadmap / which of the guides. */
export const WHICH_DOCUMENT = new RegExp(
  `哪一?[篇份]|哪[个一]?条?(?:${ZH_NOUNS})|\\bwhich\\s+(?:(?:one\\s+)?of\\s+the\\s+)?(?:reading\\s+)?(?:${EN_NOUNS})s?\\b`,
  "iu",
);

/** Another document than the one talked about: 其他几份路线, 另外两篇, 另一篇, the other guides, another roadmap. */
export const OTHER_DOCUMENTS = new RegExp(
  [
    `(?:其他|其它|另外|别的)[几两三四\\s]*[篇份个条]?(?:${ZH_NOUNS})`,
    "(?:其他|其它|另外|别的)[几两三四]+[篇份]",
    `另一[篇份]|另一[条个]?(?:${ZH_NOUNS})`,
    `\\banother\\s+(?:${EN_NOUNS})\\b|\\b(?:the\\s+)?other\\s+(?:${EN_NOUNS})s\\b`,
  ].join("|"),
  "iu",
);

/**
 * The Chinese document words that hold a stage word's character (篇, 章): "那篇", "哪篇", "文章" say
 * which document, not what its stages are called; a question is read for its stage word without them.
 */
export const DOCUMENT_WORDS_LIKE_STAGE_WORDS = /[这那此该本哪]\s*篇|文章/gu;
