import { expandQuery } from "./expandQuery.js";
import { findGlossaryMatches, type GlossaryEntry } from "./glossary.js";

/**
 * What a before/after question's topic may be placed by in the roadmaps (locateTopic): the topic
 * as written, then the field terms it holds as written, then their glossary expansions.
 *
 * A topic is often a learner's phrase around one field word ("开始入门篇", "State of GPT 那个视频多长",
 * "这些大模型"). Its expansions are those of that one word: the expansions of 入门 (新手, 初学者)
 * are in a body of 《避开90%…》's 六、持续学习建议 and of 003's 专业深入阶段, and the topic was
 * placed there although neither stage is about it. The field terms count only when they are most
 * of the topic (more than half of its letters: "第 6 个月" is no more 个月 than 第 6): a word in a longer phrase does not say where the
 * phrase sits. The terms themselves come before their expansions: "碰 Transformer" sits where
 * Transformer is named, not where 注意力机制 is.
 */
export interface PlacementTerms {
  /**
   * The field terms the topic holds (those that are not the whole topic), each as written and, for
   * an English plural, its singular where the glossary has it: "Transformers" is also found as the
   * Transformer of "Transformer 架构".
   */
  own: readonly (readonly string[])[];
  /** Their glossary expansions. */
  expansions: readonly string[];
}

/** The share of a topic's letters its field terms must cover (more than) for them to place it. */
const MIN_TERM_SHARE = 0.5;

/** `expand`: the glossary expansions of a topic (a caller that remembers them per topic passes its own). */
export function placementTerms(topic: string, expand: (text: string) => readonly string[] = expandQuery): PlacementTerms {
  const trimmed = topic.trim();
  const matches = findGlossaryMatches(trimmed).filter((m) => m.loose !== true);
  const letters = lettersOf(trimmed);
  const covered = matches.reduce((sum, m) => sum + lettersOf(m.surface), 0);
  if (letters === 0 || covered / letters <= MIN_TERM_SHARE) return { own: [], expansions: [] };
  const whole = trimmed.toLowerCase();
  const own = matches
    .filter((m) => m.surface.trim() !== "" && m.surface.trim().toLowerCase() !== whole)
    .map((m) => formsOf(m.surface.trim(), m.entries));
  return { own, expansions: expand(trimmed) };
}

/** A term as written, and its singular when it is an English plural whose singular the glossary names. */
function formsOf(surface: string, entries: readonly GlossaryEntry[]): string[] {
  const singular = /^[A-Za-z][\w-]*s$/u.test(surface) ? surface.slice(0, -1) : undefined;
  const named = singular && entries.some((entry) => entry.en.some((term) => term.toLowerCase() === singular.toLowerCase()));
  return named ? [surface, singular] : [surface];
}

/** Letters and digits: spaces and punctuation say nothing of what a phrase is about. */
function lettersOf(text: string): number {
  return Array.from(text.matchAll(/[\p{L}\p{N}]/gu)).length;
}
