import { taggedChineseWords } from "../text/tokenize.js";
import { isFiller } from "./questionWords.js";
import type { TermGroup } from "./abstention.js";

/**
 * The question's term groups less those an outside subject qualifies: a field word written right
 * after a subject outside the field, in one noun phrase with it (毕业论文, "Spring Boot project").
 * Chinese and English noun compounds put their head last, so the word after is a kind of thing of
 * the subject before it: a graduation thesis, a Spring Boot project, not the field's papers or
 * projects. Such a word in the passages does not show they speak of what the question asks about
 * (outsideSubjects.ts weighs the field words the passages share against the subject). A field word
 * the question also writes elsewhere, or after anything else ("手机上跑模型"), still counts.
 *
 * `query` is the text the subjects were read from (Simplified); a group whose label it does not
 * hold as written (a repaired misspelling) is kept.
 */
export function groupsNotQualifiedBy(subjects: readonly string[], query: string, groups: readonly TermGroup[]): readonly TermGroup[] {
  if (subjects.length === 0) return groups;
  const text = query.toLowerCase();
  const found = subjects.map((subject) => ({ subject, at: occurrences(text, subject.toLowerCase()) }));
  const ends = found.flatMap(({ subject, at }) => at.map((start) => start + subject.length));
  if (ends.length === 0) return groups;
  const starts = found.flatMap(({ at }) => at);
  return groups.filter((group) => !qualified(text, group.label.toLowerCase(), ends, starts));
}

/** Only spaces or a hyphen between the subject and the word: one phrase ("Spring Boot project", "spring-boot project"). */
const JOINED = /^[\s-]*$/;

/**
 * English also puts a thing's topic after it, through a preposition: "beginner books on stocks", "a
 * good roadmap for learning to bake", "a guide to personal finance". The word before (books, roadmap)
 * is a book or a roadmap of the subject after, as 炒股入门书 is one of 炒股. Only a noun phrase: at
 * most one word between the field word and the preposition (beginner books on; not the verb of
 * "recommend beginner books on"), and a few words of taking up a subject (learning, getting into,
 * the) between the preposition and the subject.
 */
const TOPIC_AFTER =
  /^(?:[\s-]+[a-z'-]+)?\s+(?:on|about|to|for|in)\s+(?:(?:learning|getting|into|starting|with|the|a|an|basic|basics|of|how|doing)\s+){0,3}$/;

function qualified(text: string, label: string, subjectEnds: readonly number[], subjectStarts: readonly number[]): boolean {
  const starts = occurrences(text, label);
  return (
    starts.length > 0 &&
    starts.every(
      (start) =>
        subjectEnds.some((end) => end <= start && JOINED.test(text.slice(end, start))) ||
        // Inside the subject's own words (量化 of 量化选股, 智能 of 智能音箱): the subject's sense of the word.
        subjectStarts.some((at, i) => at <= start && start + label.length <= subjectEnds[i]!) ||
        (LATIN.test(label) &&
          subjectStarts.some((at) => at >= start + label.length && TOPIC_AFTER.test(text.slice(start + label.length, at)))),
    )
  );
}

/** Where `word` is written in `text` (both lower-cased); a Latin word only whole ("git" is not in "github"). */
export function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  if (word === "") return found;
  const latin = LATIN.test(word);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if (!latin || (!LETTER.test(text[at - 1] ?? "") && !LETTER.test(text[at + word.length] ?? ""))) found.push(at);
  return found;
}

const LATIN = /^[\x20-\x7e]+$/;
const LETTER = /[a-z0-9]/;

/**
 * The qualifiers of the question's own compounds that end in a field word: 体能 of 体能训练. jieba reads
 * such a compound as one word; the corpus never writes it, no vocabulary of the field holds it, and
 * neither does its qualifier (`offField`), so the field word at its end is a kind of the compound's
 * own thing (physical training), not the field's. Handed to groupsNotQualifiedBy beside the
 * subject's nouns: it weighs only where a subject outside the field was read already.
 */
export function compoundQualifiers(query: string, groups: readonly TermGroup[], offField: (word: string) => boolean): string[] {
  const out: string[] = [];
  for (const run of query.match(/\p{Script=Han}{3,}/gu) ?? [])
    for (const { word } of taggedChineseWords(run)) {
      if (Array.from(word).length < 3 || !offField(word)) continue;
      for (const group of groups) {
        const label = group.label;
        if (label.length >= 2 && word.length > label.length && word.endsWith(label)) {
          const qualifier = word.slice(0, word.length - label.length);
          // The qualifier names a thing of its own outside the field too (体能), not a question word (哪些项目).
          if (Array.from(qualifier).length >= 2 && offField(qualifier) && !isFiller(qualifier) && !out.includes(qualifier))
            out.push(qualifier);
        }
      }
    }
  return out;
}

/**
 * The question's term groups less those written only as the instrument of the task it asks: "use
 * chatgpt to do my tax return", "用AI写小红书文案". The field's tool is how the learner would do a
 * thing of another domain; that it is in the passages shows nothing of that domain. Weighed, like
 * groupsNotQualifiedBy, only against a subject already read as outside the field.
 */
export function groupsNotInstruments(query: string, groups: readonly TermGroup[]): readonly TermGroup[] {
  const text = query.toLowerCase();
  return groups.filter((group) => {
    const at = occurrences(text, group.label.toLowerCase());
    return at.length === 0 || !at.every((start) => instrumentBefore(text.slice(0, start)));
  });
}

/** "use (the) …", "using …", "with …", and 用, 拿, 利用, 借助, 使用, 靠 as a word of their own (not 通用 or 应用). */
const INSTRUMENT_EN = /\b(?:use|using|used|with|via)\s+(?:(?:the|a|an)\s+)?$/u;
const INSTRUMENT_ZH: ReadonlySet<string> = new Set(["用", "拿", "利用", "借助", "使用", "靠"]);
const TRAILING_HAN = /\p{Script=Han}{1,8}\s*$/u;

function instrumentBefore(before: string): boolean {
  if (INSTRUMENT_EN.test(before)) return true;
  const run = TRAILING_HAN.exec(before)?.[0].trim();
  if (!run) return false;
  const words = taggedChineseWords(run);
  return words.length > 0 && INSTRUMENT_ZH.has(words[words.length - 1]!.word);
}
