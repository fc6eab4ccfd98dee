import type { Chunk } from "../chunking/types.js";
import { isListLine, listItems } from "../retrieval/listItems.js";
import { recentByChunk } from "../retrieval/recentByChunk.js";
import { ignoreCaseTester } from "../text/ignoreCaseTest.js";
import { gatedTest } from "../text/questionGate.js";
import { tokenizeForSearch, tokenizeParts } from "../text/tokenize.js";
import type { Passage } from "../retrieval/types.js";
import { keyItems } from "./roadmapSummary.js";

/**
 * "应用实践阶段要做哪些实战项目": a question asking for a list, answered by a passage whose own
 * heading names what is asked (实战项目) and whose text lists it. Its items' names are the answer,
 * though none of them repeats a word of the question ("垂直领域智能助手", "Agent系统开发").
 */
const LIST_ASKED =
  /哪些|哪几|有啥|有什么|有哪|都有|列一下|列出|分别|\bwhich\b|\bwhat (?:are|were)\b|\blist\b|\bwhat\s+(?:[a-z-]+\s+){0,2}[a-z]+s\s+(?:does|do|did|are|should|can|would|will)\b/iu;
/** A heading word that places a passage in a roadmap (阶段, 篇) rather than naming what it lists. */
const PLACE_WORD = /阶段|階段|篇|章|stage|phase|part/iu;
// Both `iu`, read on every question and each of its tokens: through their twins (ignoreCaseTest.ts).
const listAsked = gatedTest(LIST_ASKED);
const placeWord = ignoreCaseTester(PLACE_WORD);
/** An item line longer than this is prose, not a name (a stage's items are cut at 24). */
const LISTED_ITEM_CHARS = 48;
/** Only the best passages: a list further down answers something else. */
const LIST_PASSAGES = 3;

export interface ListedSection {
  passageIndex: number;
  heading: string;
  items: string[];
}

/**
 * What listedSection reads of a passage, which depends on its chunk alone: its own heading with
 * that heading's tokens, and (once a question's words are found in the heading) its top-level
 * items' own lines, null when it is no list. The same top passages come back question after
 * question; each read split the passage into items again.
 */
interface ListedPassage {
  heading: string | undefined;
  headingTokens: readonly string[];
  itemLines?: string | null;
}

const listedPassage = recentByChunk(2048, (chunk: Chunk): ListedPassage => {
  const heading = chunk.headingPath.at(-1);
  return { heading, headingTokens: heading ? tokenizeForSearch(heading) : [] };
});

/** Each top-level item's own line; the lines before the list are no item, and a label over a sub-list ("学习重点：") names a kind of item, not one. */
function itemLinesOf(text: string): string | null {
  const top = listItems(text);
  if (!top) return null;
  return top
    .map((item) => item.split("\n")[0]!)
    .filter((line) => isListLine(line) && !/[：:]\s*$/u.test(line))
    .join("\n");
}

export function listedSection(
  question: string,
  passages: readonly Passage[],
  /** The question's expansions: an English question names a Chinese heading through them ("projects" → 项目). */
  expansions: readonly string[] = [],
): ListedSection | undefined {
  if (!listAsked(question)) return undefined;
  // The question's and its expansions' own remembered tokens (retrieval made them), not the joined text cut again.
  const asked = new Set(tokenizeParts([question, ...expansions]).filter((t) => Array.from(t).length >= 2 && !placeWord(t)));
  for (let i = 0; i < Math.min(passages.length, LIST_PASSAGES); i++) {
    const passage = listedPassage(passages[i]!.chunk);
    const { heading, headingTokens } = passage;
    if (!heading || !headingTokens.some((t) => asked.has(t))) continue;
    const itemLines = (passage.itemLines ??= itemLinesOf(passages[i]!.chunk.text));
    if (itemLines === null) continue;
    // A list's items are the answer whole: a longer item ("使用云服务提供商的免费额度(Colab, Kaggle)") is kept.
    const items = keyItems(itemLines, [], LISTED_ITEM_CHARS);
    if (items.length >= 2) return { passageIndex: i, heading, items };
  }
  return undefined;
}
