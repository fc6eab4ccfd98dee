import type { Chunk } from "../chunking/types.js";
import { mayMatchGated } from "../text/questionGate.js";

/**
 * "GLUE和SuperGLUE分别包含哪些具体任务？", "北极星能力具体分哪几种？": the parts of a thing the documents
 * name only in passing: as an example in a run ("了解行业 benchmarking 标准，如GLUE、SuperGLUE等") or
 * as the title of a link in a reading list ("[复杂推理：大语言模型的北极星能力](…)"). Such a mention
 * gives the thing's name, never what it holds, so the passages that carry it cannot answer what its
 * parts are (confidence.ts: low at best). Beside countedMembers.ts, which reads a collection named by
 * its count ("那54个项目具体是哪54个"). Read in Simplified (questions are converted first).
 */

/** What a thing holds, or how many parts, asked after the thing: 包含哪些, 分哪几种, 具体有哪些, 有几项 (not 有什么用, what it is for). */
const PARTS_ASKED =
  /([\p{Script=Han}A-Za-z0-9+.\-、和与跟及 ]{2,24}?)\s*(?:都|分别|具体|里面|里头)?\s*(?:(?:包含|包括|含有|涵盖|分为|分成|分)(?:了)?\s*(?:哪些|哪几种|哪几类|哪几个|几种|几类|什么|啥)|有\s*(?:哪些|哪几种|哪几类|几种|几类)|具体(?:是|有)(?:哪些|什么|啥)|(?:一共|总共|共)?\s*有?\s*几\s*(?:项|章|节|部分|个部分|个任务|个子任务|个章节))/u;
/**
 * "How many chapters does Build a Large Language Model (From Scratch) have?": how many parts a
 * thing has, asked in English; the thing is what the parts are counted in.
 */
const PARTS_COUNTED_EN =
  /\bhow many\s+(?:chapters|parts|tasks|sections|modules|lessons|units|sub-?tasks)\s+(?:does|do|did)\s+(?:the\s+)?(.{2,80}?)\s+(?:have|has|contain|include|cover)\b|\bhow many\s+(?:chapters|parts|tasks|sections|modules|lessons|units|sub-?tasks)\s+(?:are\s+(?:there\s+)?)?in\s+(?:the\s+)?(.{2,80}?)\s*[?？]?$/iu;
/** Where the question's words for the thing start: after the last 的, 里, 中 or a pronoun (这篇里的北极星能力). */
const BEFORE_THING = /^.*(?:的|里|中|这|那|篇|份)/u;
/** The things of a pair or a run: "GLUE和SuperGLUE", "A、B". */
const BETWEEN_THINGS = /\s*(?:和|与|跟|及|、|\band\b)\s*/u;

/** Whether PARTS_ASKED / PARTS_COUNTED_EN can match a question at all (questionGate.ts); the match itself is read once, below. */
const mayAskParts = mayMatchGated(PARTS_ASKED);
const mayCountPartsInEnglish = mayMatchGated(PARTS_COUNTED_EN);

/** The things whose parts the question asks (two characters or more each), or none. */
export function thingsWithPartsAsked(question: string): string[] {
  const english = mayCountPartsInEnglish(question) ? PARTS_COUNTED_EN.exec(question) : null;
  if (english) return [(english[1] ?? english[2]!).trim()];
  const match = mayAskParts(question) ? PARTS_ASKED.exec(question) : null;
  if (!match) return [];
  const named = match[1]!.replace(BEFORE_THING, "").trim();
  return named
    .split(BETWEEN_THINGS)
    .map((thing) => thing.trim())
    .filter((thing) => Array.from(thing).length >= 2);
}

/** An example run's opening before the thing, in the same sentence: 如, 比如, 例如, 诸如, 像, such as, e.g. */
const EXAMPLE_BEFORE = /(?:如|比如|例如|诸如|像|such as|e\.g\.|including)[^。；;!?！？\n]{0,40}$/iu;
/** A name in Latin letters inside the words for the thing (GLUE of "GLUE 基准"). */
const LATIN_NAME = /[a-z][a-z0-9+.-]*[a-z0-9+]/u;
/** A Markdown link's text holding the thing: "[复杂推理：大语言模型的北极星能力](". */
const LINK_TEXT = /\[[^\]]*$/u;

/**
 * Whether the passages name each asked thing, and only in passing: every occurrence inside an
 * example run or a link's text. A thing no passage names says nothing here (other readings judge a
 * thing the passages miss).
 */
export function partsOfPassingMentionAsked(question: string, passages: readonly { chunk: Chunk }[]): boolean {
  if (titledContentsUnlisted(question, passages)) return true;
  const things = thingsWithPartsAsked(question);
  if (things.length === 0) return false;
  const texts = passages.map(({ chunk }) => chunk.text.toLowerCase());
  return things.every((thing) => {
    // "请问 GLUE 基准": a Latin name with the question's own words about it (a request, the kind of
    // thing it is) is the name, when the passages hold it and not the whole.
    const whole = thing.toLowerCase();
    const needle = texts.some((text) => text.includes(whole)) ? whole : (LATIN_NAME.exec(whole)?.[0] ?? whole);
    let seen = false;
    for (const text of texts) {
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
        seen = true;
        const before = text.slice(Math.max(0, at - 60), at);
        const after = text.slice(at + needle.length, at + needle.length + 60);
        const inLink = LINK_TEXT.test(before) && /^[^[\n]*\]\(/u.test(after);
        if (!EXAMPLE_BEFORE.test(before) && !inLink) return false;
      }
    }
    return seen;
  });
}

/** What a 《titled》 work holds ("《640 份大模型应用报告合集》里面都有哪些行业的报告"). */
const TITLED_PARTS_ASKED =
  /《([^》]{2,40})》\s*(?:这个|那个|這個|那個)?\s*(?:里面|里头|裡面|里|裡|中|内|內)?\s*(?:都|具体|具體|分别|分別)?\s*(?:有|是|包括|包含|收录了?|收錄了?|涵盖|涵蓋)?\s*(?:哪些|哪几个|哪幾個|哪几类|哪幾類|哪几种|哪幾種)/u;
/** Whether TITLED_PARTS_ASKED can match a question at all (questionGate.ts): it is asked of every question. */
const mayAskTitledParts = mayMatchGated(TITLED_PARTS_ASKED);
/** A listing after a title, in its sentence: 包括 A、B, 如 A、B, ：A、B. */
const LISTED_AFTER = /^[^。\n]{0,30}?(?:包括|包含|涵盖|收录|如|：|:)[^。\n]*、/u;

/**
 * "《640 份大模型应用报告合集》里面都有哪些行业的报告": what a titled work holds, when every passage
 * naming it only names it (收集了大量实际项目案例), never lists what is inside (包括 A、B …).
 */
function titledContentsUnlisted(question: string, passages: readonly { chunk: Chunk }[]): boolean {
  const title = mayAskTitledParts(question) ? TITLED_PARTS_ASKED.exec(question)?.[1]?.trim().toLowerCase() : undefined;
  if (!title) return false;
  const needle = `${title}》`;
  let seen = false;
  for (const { chunk } of passages) {
    const text = chunk.text.toLowerCase();
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      seen = true;
      if (LISTED_AFTER.test(text.slice(at + needle.length, at + needle.length + 120))) return false;
    }
  }
  return seen;
}
