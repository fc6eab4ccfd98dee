import type { Chunk } from "../chunking/types.js";
import { isListLine } from "./listItems.js";
import { parseNumber } from "./stageReference.js";
import { gatedTest } from "../text/questionGate.js";

/**
 * "那54个大模型实战项目具体是哪54个？", "list the 54 projects": the members of a collection the
 * question names by its count. A document that only counts it (a video's title "54个大模型实战项目")
 * does not list them, whatever passage names the count: the answer can quote the title, not the
 * members. Read only for a count of five or more, which a document lists as lines or items when it
 * lists them at all; a smaller one ("三个部分，分别是") is often spelled out in one sentence.
 */
const MIN_COUNT = 5;

/** A count and the noun after it: "54个大模型实战项目", "这7个阶段", "the 54 projects". */
const ZH_COUNT = /(\d{1,3}|[一二两三四五六七八九十百]{1,3})\s*(?:个|本|门|道|套|条|项|篇|部|节|阶段)/gu;
const EN_COUNT =
  /\b(\d{1,3})\s+(?:[a-z-]+\s+){0,2}(?:projects?|stages?|books?|courses?|videos?|papers?|questions?|lessons?|tutorials?|items?|steps?)\b/giu;

/** The question asks what the members are, not about the collection. */
const MEMBERS_ASKED =
  /具体(?:是|有|都是|都有)?(?:哪|什么|啥)|分别(?:是|叫|有)|都(?:是|有|叫)(?:哪|什么|啥)|列(?:一下|出来|出|个清单)|哪\s*(?:\d{1,3}|[一二两三四五六七八九十百]{1,3})\s*个|\b(?:list|name)\s+(?:them|all|the|those|these|every)\b|\bwhat\s+(?:are|were)\s+(?:all\s+)?(?:the|those|these)\s+\d{1,3}\b|\bwhich\s+(?:\d{1,3}|ones)\b/iu;

/** Through its twin (ignoreCaseTest.ts), where the question's shared reading (questionGate.ts) leaves it open. */
const asksMembers = gatedTest(MEMBERS_ASKED);

/** The counts of five or more the question names, when it asks for their members. */
export function countsWithMembersAsked(question: string): number[] {
  if (!asksMembers(question)) return [];
  const counts = new Set<number>();
  for (const match of question.matchAll(ZH_COUNT)) {
    const n = parseNumber(match[1]!);
    if (n !== undefined && n >= MIN_COUNT) counts.add(n);
  }
  for (const match of question.matchAll(EN_COUNT)) {
    const n = Number(match[1]);
    if (n >= MIN_COUNT) counts.add(n);
  }
  return [...counts];
}

/**
 * Whether the passages name the count asked (the same number before a measure word) and none of
 * the documents lists that many members after it: as list lines, or as lines of their own in the
 * section that follows. A count no passage names says nothing here (the passages are about
 * something else, judged otherwise).
 */
export function countedMembersUnlisted(
  question: string,
  passages: readonly { chunk: Chunk }[],
  documentText: (docId: string) => string | undefined,
): boolean {
  const counts = countsWithMembersAsked(question).map((count) => ({ count, stated: countStated(count) }));
  if (counts.length === 0) return false;
  let named = false;
  for (const { chunk } of passages) {
    for (const { count, stated } of counts) {
      if (!chunk.text.split("\n").some((line) => stated.test(line))) continue;
      named = true;
      const text = documentText(chunk.docId);
      if (text === undefined || membersListedAfter(text, chunk, count)) return false;
    }
  }
  return named;
}

/** A line stating the count (in digits or Chinese numerals, before a measure word); not an ordinal: "第七阶段" is one stage, not seven. */
function countStated(count: number): RegExp {
  return new RegExp(`(?<![\\d第])(?:${count}|${chineseNumeral(count)})\\s*(?:个|本|门|道|套|条|项|篇|部|节|阶段|[A-Za-z])`, "u");
}

/** 7 → 七, 54 → 五十四 (as documents write counts in Chinese numerals). */
function chineseNumeral(n: number): string {
  const digits = "零一二三四五六七八九";
  if (n < 10) return digits[n]!;
  if (n < 100) return `${n >= 20 ? digits[Math.floor(n / 10)] : ""}十${n % 10 === 0 ? "" : digits[n % 10]}`;
  return String(n);
}

/** A line that opens a member: a list item, a heading, or a numbered line ("第三阶段：", "三、", "3."). */
const MEMBER_LINE = /^\s*(?:#{1,6}\s|第\s*[一二两三四五六七八九十\d]{1,3}|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,3}\s*[、.．)])/u;

/** The members listed after the chunk: at least min(count, MIN_COUNT) member lines in the lines that follow it. */
function membersListedAfter(text: string, chunk: Chunk, count: number): boolean {
  const lines = text.split("\n").slice(chunk.startLine - 1, chunk.endLine + count + 10);
  return lines.filter((line) => isListLine(line) || MEMBER_LINE.test(line)).length >= Math.min(count, MIN_COUNT);
}
