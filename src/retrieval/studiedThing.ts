import { NOUN_TAGS, taggedChineseWords } from "../text/tokenize.js";
import { GLOSSARY, type GlossaryEntry } from "./glossary.js";

/**
 * What a learner says they want to study, read from the frame of studying around it: the word
 * right before a word of the learner's level (摄影新手, 世界史入门书, 炒股小白), the word right after
 * a verb of studying (学做饭, 自学吉他), and in English the word after "new to", "get into", "a
 * beginner's guide to", "a roadmap for (learning)". The frame is the study genre's (入门, 新手,
 * beginner, roadmap), which the documents share with every such question; what is studied is the
 * subject. A subject the documents never name (unknownNames.ts) makes an answer about it `low`,
 * whatever genre words the passages share with the question: "炒股新手" is not a learner of the field.
 *
 * Only the frame is read here; whether the documents name the word is the caller's test.
 */
export interface StudiedThing {
  word: string;
  /** Where the word starts in the question. */
  start: number;
}

/**
 * The glossary's entries of the study genre itself, by their first English name: how one studies
 * (resources, stages, levels, time, goals, the job market), not what. A question that names any
 * other entry (大模型, AI, LoRA, Python, 数学) names the field as what it studies, and an unknown
 * thing in its frame is where the learner comes from: "会计新手想转行学AI", "I'm new to coding,
 * where do I start with LLMs?".
 */
const STUDY_GENRE = new Set([
  "theory",
  "basics",
  "book",
  "course",
  "tutorial",
  "video",
  "paper",
  "paper reading",
  "survey",
  "documentation",
  "resource",
  "project",
  "practice",
  "case study",
  "competition",
  "roadmap",
  "stage",
  "beginner",
  "advanced",
  "deep dive",
  "goal",
  "schedule",
  "hour",
  "week",
  "month",
  "continuous learning",
  "prerequisite",
  "career",
  "interview",
  "community",
  "newsletter",
  "podcast",
]);

let genreNamesValue: ReadonlySet<string> | undefined;

/** Every name of the study genre's glossary entries, in both languages. */
function genreNames(): ReadonlySet<string> {
  genreNamesValue ??= new Set(
    GLOSSARY.filter((entry) => STUDY_GENRE.has(entry.en[0]?.toLowerCase() ?? "")).flatMap((entry) =>
      [...entry.en, ...entry.zh].map((name) => name.toLowerCase()),
    ),
  );
  return genreNamesValue;
}

/**
 * Whether a glossary entry names the field's subject matter, not the study genre's (STUDY_GENRE): a
 * learners' entry with a name of the genre's (小白 for 入门) is the genre's.
 */
export function namesFieldSubject(entry: GlossaryEntry): boolean {
  const genre = genreNames();
  return ![...entry.en, ...entry.zh].some((name) => genre.has(name.toLowerCase()));
}

/** A word of the learner's level that follows what is studied (摄影新手, 世界史入门书, 新手入门 as jieba cuts it). */
const LEVEL_AFTER = /^(?:新手|入门|小白|初学|零基础)/u;
/** A verb of studying that precedes what is studied (学做饭, 自学吉他, 想学摄影). */
const STUDY_BEFORE = /^(?:学|学学|想学|自学|学会|学习)$/u;
/** A verb of doing between a verb of studying and what is studied: 学做川菜, 学弹吉他, 学画水彩. */
const DOING = /^(?:做|弹|彈|唱|画|畫|拍|炒|烤|玩|跳|织|織|开|開)$/u;
/**
 * Jieba's tags of what can be studied: nouns, verbs (做饭, 炒股, 健身), idioms and set phrases. Not a
 * pronoun (那篇), an adverb (大概), a numeral, a measure word or a particle.
 */
const CONTENT_TAGS: ReadonlySet<string> = new Set([...NOUN_TAGS, "v", "l", "i"]);
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * The English frame, and the word after it: "new to X", "get(ting) into X", "a beginner's guide to X",
 * "an intro to X", "the basics of X", "a roadmap / learning path / plan for (learning) X". Determiners
 * and a verb of doing between the frame and the thing are skipped ("a roadmap for learning to play
 * the piano"). A bare "learn X" is not read: what follows it is as often a skill of the field in
 * everyday words ("learn how to cut documents into pieces", "learn the jargon").
 */
const ENGLISH_FRAME =
  /\b(?:new\s+to|get(?:ting)?\s+into|beginner'?s?\s+guide\s+to|intro(?:duction)?\s+to|basics\s+of|(?:roadmap|path|plan)\s+(?:for|to|into))\s+(?:learning\s+)?(?:(?:how\s+)?to\s+)?(?:(?:a|an|the|some|become|becoming|be|being|play|playing|speak|speaking|make|making|cook|cooking|draw|drawing|do|doing)\s+)*([a-z][a-z-]+)/giu;

export function studiedThings(question: string): StudiedThing[] {
  const things: StudiedThing[] = [];
  for (const run of question.matchAll(HAN_RUN)) {
    const words = taggedChineseWords(run[0]);
    let at = run.index;
    for (const [i, { word, tag }] of words.entries()) {
      // "健身小白": jieba may cut the level word in two (小/白) beside what precedes it.
      const next = (words[i + 1]?.word ?? "") + (words[i + 2]?.word ?? "");
      // "学做川菜", "学弹吉他": a verb of doing between studying and what is studied.
      const doing = DOING.test(words[i - 1]?.word ?? "") ? 1 : 0;
      const previous = words[i - 1 - doing]?.word;
      // "本科是学会计的": what the learner studied is where they come from, not what they ask to learn.
      const background = words[i - 2 - doing]?.word === "是";
      const studied = LEVEL_AFTER.test(next) || (previous !== undefined && STUDY_BEFORE.test(previous) && !background);
      if (studied && CONTENT_TAGS.has(tag) && Array.from(word).length >= 2 && !LEVEL_AFTER.test(word)) things.push({ word, start: at });
      at += word.length;
    }
  }
  for (const match of question.matchAll(ENGLISH_FRAME)) {
    const word = match[1]!;
    things.push({ word, start: match.index + match[0].length - word.length });
  }
  return things;
}
