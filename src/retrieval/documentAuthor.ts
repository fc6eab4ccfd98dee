/**
 * "那篇七阶段的路线是谁写的？", "who wrote the reading list?": the author of a roadmap itself is given only
 * where the document says who wrote it (its front matter's Author / 作者 / copyright_author, "by X").
 * A person named elsewhere in it (a course's teacher in a link's title, 【李宏毅】…) wrote something the
 * roadmap lists, not the roadmap. The person check (detailKinds.ts) takes any name or role word, which
 * a reading list is full of; called from confidence.ts beside it.
 */

/** Who wrote or made something (谁写的, 作者是谁, who wrote / made / created). */
const AUTHOR_ASKED =
  /(?:谁|誰)\s*(?:写|寫|做|整理|发|發|出)的|作者\s*(?:是|叫)|(?:的|，|,)\s*作者|\bwho\s+(?:wrote|writes|made|created|put\s+together|compiled)\b|\bauthor\b/iu;

/** The document itself asked of: a roadmap, post, list or notes (那篇, the reading list, 路线). */
const DOCUMENT_WORD =
  /那篇|这篇|這篇|那份|这份|這份|路线|路線|路径|路徑|博客|部落格|文章|清单|清單|笔记|筆記|指南|\b(?:roadmap|post|blog|article|list|guide|notes|issue)\b/iu;

/** Something the document lists, whose author would be its own: a book, course, video, talk, paper, survey, repository or project. */
const LISTED_WORK =
  /《|书|書|课|課|视频|視頻|影片|演讲|演講|分享|教程|论文|論文|综述|綜述|仓库|倉庫|项目|項目|\b(?:book|course|class|video|talk|paper|tutorial|lecture|survey|repo|repository|project)s?\b/iu;

/** Whether the question asks who wrote the roadmap (or post, list) itself. */
export function documentAuthorAsked(question: string): boolean {
  return AUTHOR_ASKED.test(question) && DOCUMENT_WORD.test(question) && !LISTED_WORK.test(question);
}

/** A line saying who wrote the document: "Author: name", "作者：name", "copyright_author: name", "by First Last". */
const AUTHOR_STATED =
  /(?:^|\n)[> \t*-]*(?:author|作者|copyright_author)[ \t]*\**[ \t]*[:：][ \t]*\**[ \t]*[^\s*]|\bby\s+[A-Z][a-z]+\s+[A-Z][a-z]+/iu;

/** Whether any of the texts says who wrote its document. */
export function documentAuthorStated(texts: readonly string[]): boolean {
  return texts.some((text) => AUTHOR_STATED.test(text));
}
