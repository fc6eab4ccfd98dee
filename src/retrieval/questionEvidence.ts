import type { Chunk } from "../chunking/types.js";
import { isEverydayWord } from "../text/everydayWords.js";
import { isChinesePronoun, tokenizeForSearch } from "../text/tokenize.js";
import { evidenceScore, foundGroupsCoverage, type TermGroup } from "./abstention.js";
import { withoutDetailQuestions } from "./detailKinds.js";
import { namesDocumentKind } from "./documentKindWords.js";
import { foldForMatching, foldedWithoutSpaces } from "./listItems.js";
import { namesAddress } from "./resourceAddress.js";
import type { TermMarks } from "./termStatistics.js";
import type { Passage } from "./types.js";

/**
 * What the top passages say of the question's own words, read from its judged term groups
 * (abstention.ts): the evidence score and the passages a detail must be found beside.
 */

export interface TopicEvidence {
  /** 0..1 (abstention.ts evidenceScore). */
  evidence: number;
  /**
   * The question has content words, and not one of them (nor a glossary, dictionary or typo variant
   * of it) is in the top passages. Dense similarity alone does not count as topic: the local hashed
   * embedder scores collisions of unrelated character bigrams around 0.1–0.2.
   */
  nothingOnTopic: boolean;
  /** The only words found are everyday words (公司, 准备; text/everydayWords.ts): nothing of the subject. */
  onlyEverydayWords: boolean;
}

/**
 * `top`: the token sets of the top passages (the evidence passages), best first; or, when the
 * re-ranker has marked the groups in them (heldGroups), the bits of the groups they hold (bit g:
 * `groups[g]`), the same groups found.
 */
export function topicEvidence(groups: readonly TermGroup[], top: readonly ReadonlySet<string>[] | number, topDense: number): TopicEvidence {
  // Which groups the top passages hold a token of (coverage asks of no other token), each group's
  // tokens read until one is found: not every token of every group checked and kept in a set.
  const foundGroups =
    typeof top === "number"
      ? groups.filter((_, g) => (top & (1 << g)) !== 0)
      : groups.filter((group) => group.tokens.some((token) => top.some((tokens) => tokens.has(token))));
  const coverage = foundGroupsCoverage(groups, foundGroups);
  // A glossary term found is the field's own word, never an everyday one.
  const everyday = (group: TermGroup) => group.tokens.length === 1 && isEverydayWord(group.tokens[0]!);
  return {
    evidence: evidenceScore({ coverage, topDenseSimilarity: topDense }),
    nothingOnTopic: groups.length > 0 && coverage === 0,
    onlyEverydayWords: foundGroups.length > 0 && foundGroups.every(everyday),
  };
}

/**
 * The bits of the groups the passages hold, one OR of the re-ranker's marks (TermMarks: a chunk's
 * marked group bits, from its term ids); undefined when a passage has none (a chunk outside the
 * index, or marks a newer ranking has replaced): its token set is read instead.
 */
export function heldGroups(passages: readonly Passage[], marks: TermMarks): number | undefined {
  let held = 0;
  for (const passage of passages) {
    const marked = marks(passage.chunk);
    if (marked === undefined) return undefined;
    held |= marked.groups;
  }
  return held;
}

const BOOK_TITLE = /《([^》]{2,40})》/u;

/**
 * The passages holding the question's rarest content term that any of them holds
 * (RetrievalResult.focusChunkIds), with that term's tokens; of equally rare terms, the one the
 * fewest passages hold. A 《book title》 is the most specific thing a question can name.
 */
export function detailFocus(
  query: string,
  passages: readonly Passage[],
  groups: readonly TermGroup[],
  tokensOf: (chunk: Chunk) => ReadonlySet<string>,
): { chunkIds: string[]; terms: string[] } | undefined {
  const title = BOOK_TITLE.exec(query)?.[1];
  if (title) {
    const holders = passagesNaming(passages, [foldForMatching(title)]);
    if (holders.length > 0) return { chunkIds: holders.map((p) => p.chunk.id), terms: [title] };
    // No passage names the book asked of, even as misspelt (东手学 for 动手学) or as its own document's
    // title: the details they hold are other things'. "《The Batch》是谁办的" is not answered by a
    // passage on a course's teacher.
    if (!passages.some((p) => mayNameTitle(p.chunk, title))) return { chunkIds: [], terms: [title] };
  }
  const tokenSets = passages.map((p) => tokensOf(p.chunk));
  // The words that ask for the detail (多久, how long) are not what it is about.
  const subject = new Set(tokenizeForSearch(withoutDetailQuestions(query)));
  let focus: { weight: number; holders: number[]; terms: string[] } | undefined;
  for (const group of groups) {
    if ((focus && group.weight < focus.weight) || !group.tokens.some((t) => subject.has(t))) continue;
    // Nor is a glossary term that asks for it ("多长时间" names the concept of a duration).
    if (withoutDetailQuestions(group.label).trim() !== group.label.trim()) continue;
    // Nor a word for the document asked of ("那篇指南", "the blog"): it says which text (documentKindWords.ts).
    if (namesDocumentKind(group.label)) continue;
    // Nor a word for where a thing is found ("链接给一下", "the link"): every listed thing has one.
    if (namesAddress(group.label)) continue;
    // Nor a pronoun ("每个阶段配几个项目": 每个 points at the stages, it is not what is counted).
    if (isChinesePronoun(group.label)) continue;
    const holders = tokenSets.flatMap((tokens, i) => (group.tokens.some((t) => tokens.has(t)) ? [i] : []));
    if (holders.length === 0) continue;
    if (!focus || group.weight > focus.weight || holders.length < focus.holders.length)
      focus = { weight: group.weight, holders, terms: group.tokens };
  }
  return focus && { chunkIds: focus.holders.map((i) => passages[i]!.chunk.id), terms: focus.terms };
}

/** Share of a title's characters that a run of a passage must hold in order for it to name that title misspelt. */
const TITLE_RUN_SHARE = 0.6;

/** Whether a chunk's document is the title, or the chunk holds most of it in one run (a misspelt title). */
function mayNameTitle(chunk: Chunk, title: string): boolean {
  const wanted = foldedWithoutSpaces(title);
  const documentTitle = foldedWithoutSpaces(chunk.title);
  if (wanted === "" || (documentTitle !== "" && (documentTitle.includes(wanted) || wanted.includes(documentTitle)))) return true;
  const text = foldedWithoutSpaces(`${chunk.headingPath.join(" ")} ${chunk.text}`);
  const chars = Array.from(wanted);
  const run = Math.ceil(chars.length * TITLE_RUN_SHARE);
  for (let from = 0; from + run <= chars.length; from++) if (text.includes(chars.slice(from, from + run).join(""))) return true;
  return false;
}

/**
 * A detail asked of a stage of the named roadmap that the question names ("应用实践阶段每周要几个
 * 小时", or its English name read through englishStageName.ts): only the passages naming that stage,
 * and in a list only its items, can give it. The figures its sibling stages get in the same
 * passage ("入门阶段：每周10-15小时") say nothing of this one. The longest stage name the question
 * holds wins; undefined when it names none, names a 《book》, or no passage holds the name.
 */
export function stageFocus(
  query: string,
  stageNames: readonly string[],
  passages: readonly Passage[],
): { chunkIds: string[]; terms: string[] } | undefined {
  // A 《book title》's words are the book's (《大模型入门》 names no 入门 stage): detailFocus reads it.
  if (BOOK_TITLE.test(query)) return undefined;
  const asked = foldForMatching(query);
  let name: string | undefined;
  for (const candidate of stageNames) {
    if (Array.from(candidate).length < 2 || (name && candidate.length <= name.length)) continue;
    if (asked.includes(foldForMatching(candidate))) name = candidate;
  }
  if (!name) return undefined;
  const holders = passagesNaming(passages, [foldForMatching(name)]);
  return holders.length > 0 ? { chunkIds: holders.map((p) => p.chunk.id), terms: [name] } : undefined;
}

/** The passages whose heading path or text, folded (foldForMatching), holds one of the folded names. */
export function passagesNaming(passages: readonly Passage[], folded: readonly string[]): Passage[] {
  return passages.filter((p) => {
    const text = foldForMatching(`${p.chunk.headingPath.join(" ")} ${p.chunk.text}`);
    return folded.some((name) => text.includes(name));
  });
}
