import type { Chunk } from "../chunking/types.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { foldForMatching } from "./listItems.js";
import { isFiller } from "./questionWords.js";
import { isStageHeading } from "./stageOutline.js";
import { pick, type StageOrdinal } from "./stageReference.js";
import type { Passage } from "./types.js";

/**
 * "llm-course 的第二部分讲啥": an ordinal that counts the numbered parts of a thing the question
 * names (a course, a book, a method whose section says "分为三个部分：1. … 2. … 3. …"), not the
 * stages of a roadmap. The thing is named by its section's heading; the parts are the section's
 * top-level numbered items, 1, 2, 3 … in order.
 */
export interface NamedPart {
  passage: Passage;
  /** The asked item's text ("2. 理论：专注于……"). */
  item: string;
}

/** What an ordinal finds among a named thing's numbered parts: the part, or how many there are when it asks past the last. */
export type NamedPartLookup = { part: NamedPart } | { pastEnd: number };

/** Shorter folded headings ("nlp", "课程") name too much to be the question's subject. */
const MIN_HEADING_LENGTH = 4;
/** GitHub emoji codes (:star:) mark a heading; they are not its name. */
const EMOJI_CODE = /:[a-z0-9_+-]+:/giu;
const NUMBERED = /^(\d{1,2})[.、)]\s*(.*)$/u;

/**
 * The folded name of the thing a passage's section is about (its heading, no stage, emoji codes
 * left out), when the question (`asked`, folded) names it; else undefined.
 */
function thingNamed(asked: string, passage: Passage): string | undefined {
  const thing = thingOf(passage.chunk);
  if (!thing) return undefined;
  if (asked.includes(thing.name)) return thing.name;
  // "mlabonne 那个课程", "mlabonne's course": the thing by who keeps it, the owner of the repository
  // its section links to under its own name (github.com/mlabonne/llm-course under "llm-course").
  return thing.owner !== undefined && asked.includes(thing.owner) ? thing.name : undefined;
}

/** A chunk's thing: its section's folded name and the owner of its repository, null when its section names none. */
interface Thing {
  name: string;
  owner: string | undefined;
}

/**
 * Each chunk's thing, read once: it depends on the chunk alone (an index version's), and a
 * before/after or ordinal question reads it for every passage retrieval found.
 */
const things = new WeakMap<Chunk, Thing | null>();

function thingOf(chunk: Chunk): Thing | null {
  let thing = things.get(chunk);
  if (thing === undefined) {
    const heading = chunk.headingPath.at(-1);
    const name = heading && !isStageHeading(heading) ? foldForMatching(heading.replace(EMOJI_CODE, " ")) : "";
    thing = name.length < MIN_HEADING_LENGTH ? null : { name, owner: ownerOf(chunk, name) };
    things.set(chunk, thing);
  }
  return thing;
}

/** The owner of a repository the chunk links to whose name is the section's (folded) name. */
function ownerOf(chunk: Chunk, name: string): string | undefined {
  for (const link of chunk.links) {
    const repository = REPOSITORY.exec(link.url);
    if (repository && foldForMatching(repository[2]!) === name) {
      const owner = foldForMatching(repository[1]!);
      return owner.length >= MIN_HEADING_LENGTH ? owner : undefined;
    }
  }
  return undefined;
}

/** A repository's address on a code host: owner and name. */
const REPOSITORY = /^https?:\/\/(?:www\.)?(?:github|gitlab|gitee)\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?(?:[/?#]|$)/iu;

/**
 * The asked part among the passages retrieval found, the best ranked first. When the named thing's
 * parts are found but none is at the asked place ("llm-course 的第五部分" of a three-part course),
 * how many parts it has: the ordinal asks past the last of them.
 */
export function namedPart(question: string, passages: readonly Passage[], ordinal: StageOrdinal): NamedPartLookup | undefined {
  const asked = foldForMatching(question);
  let counted: number | undefined;
  for (const passage of passages) {
    if (thingNamed(asked, passage) === undefined) continue;
    const items = numberedItems(passage.chunk.text);
    const item = pick(items, ordinal);
    if (item) return { part: { passage, item } };
    // One numbered item is no list of parts.
    if (items.length >= 2) counted ??= items.length;
  }
  return counted === undefined ? undefined : { pastEnd: counted };
}

/**
 * "llm-course 学完基础知识那部分之后是哪部分", "what comes before its engineering part": a before/after
 * question about the numbered parts of a thing the question names. The part its topic names (the
 * item sharing most of the topic's words, the thing's own name left out) and the one after or
 * before it, among the passages retrieval found, the best ranked first.
 */
export function namedPartNeighbour(
  question: string,
  topic: string,
  direction: "next" | "previous",
  passages: readonly Passage[],
): NamedPart | undefined {
  const asked = foldForMatching(question);
  for (const passage of passages) {
    const name = thingNamed(asked, passage);
    if (name === undefined) continue;
    const items = numberedItems(passage.chunk.text);
    // The topic first; a topic cut short at the thing's name ("llm-course 学完基础知识那部分之后")
    // leaves the part to the rest of the question.
    const at = itemNamed(items, topicWords(topic, name)) ?? itemNamed(items, topicWords(question, name));
    const neighbour = at === undefined ? undefined : items[direction === "next" ? at + 1 : at - 1];
    if (neighbour) return { passage, item: neighbour };
  }
  return undefined;
}

/** The topic's content words, without the named thing's own ("llm-course 的基础知识部分" → 基础知识). */
function topicWords(topic: string, name: string): string[] {
  return tokenizeForSearch(topic)
    .map(foldForMatching)
    .filter((word) => Array.from(word).length >= 2 && !name.includes(word) && !isFiller(word) && !PART_WORDS.has(word));
}

/** Words for a part itself: every item is one. */
const PART_WORDS = new Set(["部分", "那部分", "这部分", "part", "parts", "section", "模块"]);

/** The index of the one item naming most of the words (none when two tie or none names any). */
function itemNamed(items: readonly string[], words: readonly string[]): number | undefined {
  const named = items.map((item) => words.filter((word) => foldForMatching(item).includes(word)).length);
  const best = Math.max(0, ...named);
  return best > 0 && named.filter((n) => n === best).length === 1 ? named.indexOf(best) : undefined;
}

/**
 * The passage of a thing the question names by its heading whose text numbers its parts
 * ("llm-course 分成哪几块"): the question asks how that thing is divided, not its roadmap.
 */
export function partsNamedIn(question: string, passages: readonly Passage[]): Passage | undefined {
  const asked = foldForMatching(question);
  return passages.find((passage) => thingNamed(asked, passage) !== undefined && numberedItems(passage.chunk.text).length >= 2);
}

/** The top-level items numbered 1, 2, 3 … in order (unindented lines); [] when the numbering breaks. */
function numberedItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split("\n")) {
    const match = NUMBERED.exec(line);
    if (!match) continue;
    if (Number(match[1]) !== items.length + 1) return [];
    items.push(line.trim());
  }
  return items;
}
