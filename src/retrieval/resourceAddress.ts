/**
 * "Where can I watch it", "在哪能看到？B站还是慕课网？": a question that asks where a course, a
 * video, a book or a list can be found asks for its address. The documents give one as a link
 * (a markdown link, a bare URL, a domain) or as the site that hosts it (B站, YouTube, GitHub):
 * a listed course whose item has only "形式：视频教程或在线课程" gives none. confidence.ts reads
 * this on the texts the detail check reads (namedListItem.ts: the named item's own lines).
 */

import { gatedTest } from "../text/questionGate.js";

/** Where to watch, find, read, buy or sign up for something; or which of two sites hosts it. */
const ADDRESS_ASKED =
  /(?:在|去|到|从|從)?哪(?:里|裡|儿|兒)\s*(?:能|可以|才能|才可以)?\s*(?:看|找|学|學|听|聽|读|讀|买|買|报名|報名|上课|上課)|在哪\s*(?:能|可以|才能)?\s*(?:看|找|学|學|听|聽|读|讀|买|買|报名|報名)|(?:B站|b站|bilibili|YouTube|油管|慕课|慕課|网易云课堂|網易雲課堂|Coursera|GitHub)\s*(?:还是|還是|或者|或是)|\bwhere\s+(?:can|could|do|should|would)\s+(?:I|we|you|one)\s+(?:watch|find|access|buy|stream|read|take|sign\s+up)\b|\bwhere\s+(?:is|are)\s+(?:it|they|that|this|the\s+\w+)\s+(?:hosted|available|streamed)\b/iu;

/** A link, a domain, or a site that hosts courses, videos, code or books. */
const ADDRESS_PRESENT =
  /https?:\/\/|\]\(|\bwww\.|\b[\w-]+\.(?:com|org|net|io|ai|cn|edu|dev)\b|B站|b站|哔哩哔哩|嗶哩嗶哩|bilibili|YouTube|油管|GitHub|Coursera|edX|Udemy|慕课|慕課|网易云课堂|網易雲課堂|学堂在线|學堂在線|知乎|CSDN|公众号|公眾號|官网|官網|Hugging\s*Face|Kaggle|Colab|arXiv/iu;

// `iu`, asked of every question an answer's confidence reads: through its twin (ignoreCaseTest.ts).
const asksAddress = gatedTest(ADDRESS_ASKED);

/** Whether the question asks where something can be found or watched. */
export function addressAsked(question: string): boolean {
  return asksAddress(question);
}

/** Whether any of the texts gives an address or a hosting site. */
export function addressPresent(texts: readonly string[]): boolean {
  return texts.some((text) => ADDRESS_PRESENT.test(text));
}

/** A word for a thing's address, not for the thing ("链接给一下", "the link"): every listed thing has one. */
const ADDRESS_WORD = /^(?:链接|鏈接|连结|連結|网址|網址|地址|网站|網站|links?|urls?|websites?)$/iu;

/** Whether a word (a question's term) names an address rather than a thing: no subject of an asked detail (questionEvidence.ts detailFocus). */
export function namesAddress(word: string): boolean {
  return ADDRESS_WORD.test(word.trim());
}
