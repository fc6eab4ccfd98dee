import { recentlyComputed } from "../text/recentlyComputed.js";
import { foldForMatching } from "./listItems.js";
import { editDistance } from "./typoCorrection.js";

/**
 * "five-stage 那份 guide 里又有哪些被标成【必看】?", "三阶段那篇里《深度学习》排在哪": a marker (【必看】) or a
 * title (《…》) the learner quotes is copied from a document, and the question asks it of the roadmap
 * it names. A roadmap whose text never holds it cannot say anything of it, whatever of its passages
 * the other words find: the learner took it from another document. Not 「」 or quotation marks:
 * learners put their own descriptions in those ("「打几个字就生出影片」的模型").
 */
const QUOTED = /【([^】]{1,30})】|《([^》]{1,40})》/gu;
/** A title's own marks in a document, to tell a misspelt title ("自然语言出理") from one it never names. */
const TITLE = /《([^》]{1,40})》/gu;

/** The markers and titles the question quotes, as written inside the marks, and whether each is a title. */
export function quotedTerms(question: string): { term: string; title: boolean }[] {
  return Array.from(question.matchAll(QUOTED), (m) => ({ term: (m[1] ?? m[2] ?? "").trim(), title: m[2] !== undefined })).filter(
    ({ term }) => foldForMatching(term).length >= 2,
  );
}

/**
 * The quoted markers and titles of the question that the roadmap's text does not hold (folded: case,
 * width and spacing aside); a title one character off one of the roadmap's own titles is that title.
 */
export function quotedTermsOutside(question: string, roadmapText: string): string[] {
  const terms = quotedTerms(question);
  if (terms.length === 0) return [];
  const { text, titles } = foldedRoadmap(roadmapText);
  return terms
    .filter(({ term, title }) => {
      const folded = foldForMatching(term);
      if (text.includes(folded)) return false;
      return !(title && folded.length >= 5 && titles.some((t) => editDistance(t, folded, 2) <= 1));
    })
    .map(({ term }) => term);
}

/** Roadmaps' texts whose folded form is remembered: the question's roadmap is one of a few documents. */
const DOCUMENTS_REMEMBERED = 16;

/** A roadmap's text and its own titles, folded, once per document rather than per question. */
const foldedRoadmap = recentlyComputed(DOCUMENTS_REMEMBERED, (roadmapText: string) => ({
  text: foldForMatching(roadmapText),
  titles: Array.from(roadmapText.matchAll(TITLE), (m) => foldForMatching(m[1]!)),
}));
