import { isEverydayWord } from "../text/everydayWords.js";
import { gatedTest } from "../text/questionGate.js";
import { STOPWORDS } from "../text/stopwords.js";
import { chinesePlaceNames, isEnglishStopWord, tokenizeForSearch } from "../text/tokenize.js";
import { findGlossaryMatches } from "./glossary.js";
import { onlyInSituation } from "./situationClause.js";
import { namesFieldSubject, studiedThings } from "./studiedThing.js";
import { editDistance } from "./typoCorrection.js";

/**
 * Names in a question that no indexed passage uses: a product, a place, a language, a library
 * written with a capital ("React 和 Vue", "learn Spanish", "Bitcoin mining", "CSS"). The documents
 * can say nothing about a thing they never name, whatever field words ("新手入门", "coding")
 * surround it, so an answer about one is at most `low` (confidence.ts).
 *
 * A Chinese place name (台北, 上海, by jieba's part-of-speech tagger) counts too, unless it is an
 * everyday word the tagger takes for a place (东西, "things").
 *
 * Not a name: a word starting an English sentence, a month or weekday, I / OK, a field term of the
 * glossary, a word some passage uses (in its whole form, or all its parts: DeepLearning.AI).
 * Misspellings are repaired before (typoCorrection.ts), so "Transfomer" is not a name.
 */
// Digits joined before a word belong to it: 3Blue1Brown is one name, not "Blue1Brown".
/** A code identifier in snake_case (ef_construction, max_new_tokens). */
const SNAKE_CASE = /(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![A-Za-z0-9_])/g;
const LATIN_WORD = /[0-9]*[A-Za-z][A-Za-z0-9.+#'-]*[A-Za-z0-9+#]|[0-9]*[A-Za-z]/g;
/** The months as a question writes them, whole or cut short. */
const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
/** A month joined to a year or a day ("Sept-2024", "Jan2025") is a date, not a name. */
const JOINED_DATE = new RegExp(`^(?:${MONTHS})[-./]?\\d{1,4}$`, "i");
const NOT_NAMES = new RegExp(
  `^(?:i|i'm|i've|i'd|ok|okay|${MONTHS}|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$`,
  "i",
);

export function unknownNames(
  question: string,
  usedInCorpus: (token: string) => boolean,
  /** A Chinese word no chunk, no everyday use and no vocabulary of the field names (offFieldSubject.ts isOffFieldWord). */
  offFieldWord: (word: string) => boolean = () => false,
): string[] {
  // A loose learners' match spans words it did not match ("learn Spanish in three months"): no shield
  // for a name; the glossary's own terms inside one ("PM" in "PM，有没有专门讲 AI") still are.
  const glossary = [
    ...findGlossaryMatches(question, { learnerPhrases: false }),
    ...findGlossaryMatches(question).filter((match) => !match.loose),
  ];
  // A Latin word is used when the corpus has its first token or all of them (DeepLearning.AI).
  const unusedLatin = (word: string) => {
    const tokens = tokenizeForSearch(word);
    return tokens.length > 0 && !usedInCorpus(tokens[0]!) && !tokens.every(usedInCorpus);
  };
  // A span inside one of the glossary's terms is that term, no name of its own.
  const insideTerm = (start: number, end: number) => glossary.some((g) => g.start <= start && end <= g.end);
  const names: string[] = [];
  for (const match of question.matchAll(LATIN_WORD)) {
    // "Andrew Ng's course": the name is Ng, the possessive is no part of it.
    const word = match[0].replace(/['’]s$/iu, "");
    const start = match.index;
    const end = start + word.length;
    // A lone capital letter names nothing ("Q&A", "plan B"). A glossary term is no name, and is
    // asked first: most Latin words of a question are terms (LoRA, RAG), and every test is pure.
    if (word.length < 2 || insideTerm(start, end)) continue;
    if (!/[A-Z]/.test(word) || NOT_NAMES.test(word) || JOINED_DATE.test(word)) continue;
    // "After 第一阶段…": an English function word (the stopword package's list), capitalized to open the question, names nothing.
    if (STOPWORDS.has(word.toLowerCase())) continue;
    if (startsEnglishSentence(question, start, end) || isOpeningInterjection(question, start, end)) continue;
    if (namesFileFormat(question, word, end)) continue;
    if (glossesCorpusName(question, start, usedInCorpus)) continue;
    if (unusedLatin(word)) names.push(word);
  }
  // "ef_construction", "top_p": a snake_case identifier names a parameter or a function, whatever its case.
  for (const match of question.matchAll(SNAKE_CASE)) {
    if (insideTerm(match.index, match.index + match[0].length)) continue;
    if (unusedLatin(match[0])) names.push(match[0]);
  }
  for (const thing of requestedThings(question)) {
    if (glossary.some((g) => g.start <= thing.start && thing.start < g.end)) continue;
    if (unusedLatin(thing.word)) names.push(thing.word);
  }
  // "摄影新手", "learning to play piano": what the learner says they study, when the documents never name it.
  // Not when the question also names the field's own subject matter: the thing is then where the learner comes from.
  const fieldNamed = glossary.some((match) => match.entries.some(namesFieldSubject));
  const studied: string[] = [];
  for (const thing of fieldNamed ? [] : studiedThings(question)) {
    if (glossary.some((g) => g.start <= thing.start && thing.start < g.end)) continue;
    const latin = /^[a-z]/iu.test(thing.word);
    if (latin ? !isEnglishStopWord(thing.word.toLowerCase()) && unusedLatin(thing.word) : unusedHan(thing.word, usedInCorpus, offFieldWord))
      studied.push(thing.word);
  }
  for (const noun of chinesePlaceNames(question)) {
    if (isEverydayWord(noun) || glossary.some((g) => g.surface.includes(noun))) continue;
    const tokens = tokenizeForSearch(noun);
    if (tokens.length === 0 || tokens.some(usedInCorpus)) continue;
    names.push(noun);
  }
  // "我在厂里搞PLC自动化的。…": a name in the learner's account of themselves is their situation, not what they
  // ask. What they say they study ("我是陶艺新手，入门该看什么书") is asked of by the clause after, and stays,
  // unless that clause asks of a roadmap's stage ("第四阶段的项目三是啥 我学护理的": their background).
  return [
    ...names.filter((name) => !onlyInSituation(question, name)),
    ...studied.filter((name) => !onlyInSituation(question, name, { stageAsked: true })),
  ];
}

/**
 * "Can you recommend a good mechanical keyboard for …", "any good sourdough bread recipe?": the
 * thing an English request asks to have recommended, by the last word of its noun phrase (the
 * phrase after recommend / best / good and the like, before for / to / that or the end). A
 * request for a thing the documents never name, in either language, is one they cannot answer,
 * however many field words ("coding", "beginner") come with it.
 */
const REQUESTED =
  /\b(?:recommend|suggest|best|good|great|decent|solid|favou?rite)\s+(?:(?:a|an|some|any|the|good|great|best|decent|solid|cheap|affordable|simple|easy)\s+)*((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)(?=\s+(?:for|to|that|which|i|you|when|in|on|with|under|so)\b|\s*[?.!,;]|\s*$)/giu;
/**
 * The sentence particles and question words of the Englishes learners here write (Singapore and
 * Malaysia: lah, leh, lor, meh, apa, boleh, tak; the Philippines: po, naman, ba, kaya; Nigerian
 * Pidgin: abeg, wetin, dey; Hong Kong: ar, wor): a closed class, like stop words, that closes a
 * request ("recommend apa ah?") and names no thing.
 */
const DISCOURSE_PARTICLE =
  /^(?:la|lah|leh|lor|loh|ah|ar|aa|meh|mah|hor|sia|wor|wo|ya|yah|eh|oh|apa|boleh|tak|ke|kah|po|naman|ba|kaya|na|abeg|wetin|dey|sha|o)$/iu;

/** Words that end no noun phrase of a thing ("the best one", "good for", "so far"), nor a greeting's ("Good day.", "good morning"). */
const NOT_THINGS =
  /^(?:one|ones|thing|things|way|ways|option|options|choice|choices|place|places|for|to|so|far|it|this|that|these|those|them|here|there|now|today|enough|idea|ideas|start|moment|time|timing|point|day|morning|afternoon|evening|night|luck|routine|routines|habit|habits|method|methods|approach|approaches|strategy|strategies|tip|tips|advice|practice|practices|plan|plans|step|steps)$/iu;
/** A participle after the thing ("the best survey written in Chinese", "a course made for beginners"): it qualifies the thing, it is none. */
const PARTICIPLE_AFTER =
  /^(?:written|made|built|done|given|taught|recorded|published|released|aimed|designed|meant|based|focused|geared|tailored|targeted|used|known|called|named)$/iu;
/** A clause after "suggest", "recommend" ("suggest I keep doing …"): a pronoun opens it, not a thing. */
const CLAUSE_OPENER = /^(?:i|you|we|they|he|she|it|me|us|them)$/iu;
/**
 * A kind of resource ("the GPT best practices page", "a good intro video"): resources are what the
 * documents list, and what one is about is a name (caught as one) or a field word.
 */
const RESOURCE_KIND_WORDS = (
  "page pages site sites website websites link links resource resources material materials video videos book books " +
  "course courses tutorial tutorials article articles post posts paper papers repo repos list lists guide guides doc docs " +
  "series channel channels explainer explainers walkthrough walkthroughs primer primers overview overviews writeup writeups"
).split(" ");
const RESOURCE_KINDS = new RegExp(`^(?:${RESOURCE_KIND_WORDS.join("|")})$`, "iu");

/** The resource kinds of five letters or more, for misspellings of them ("artical", "tutoriel"). */
const LONG_RESOURCE_KINDS = RESOURCE_KIND_WORDS.filter((kind) => kind.length >= 5);

/**
 * A word one edit from a resource kind, two from one of seven letters or more ("any good early
 * artical on agents"), as typoCorrection.ts allows longer words more: a misspelt kind, not a thing's name.
 */
function misspeltResourceKind(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length < 5) return false;
  return LONG_RESOURCE_KINDS.some((kind) => {
    const limit = kind.length >= 7 ? 2 : 1;
    return editDistance(lower, kind, limit) <= limit;
  });
}

/**
 * REQUESTED's first words, with its flags: every match of REQUESTED holds one, so a question
 * without any asks for no thing (most questions; the twin reads a plain one, ignoreCaseTest.ts).
 */
const asksForAThing = gatedTest(/recommend|suggest|best|good|great|decent|solid|favou?rite/iu);

/**
 * "有没有推荐什么 study app 帮我…", "推荐个好用的 tracker": a Chinese request for a thing named in
 * English, by the phrase's last word (before the clause goes on or ends).
 */
const ZH_REQUESTED =
  /(?:推荐|推薦|介绍|介紹)\s*(?:一下)?\s*(?:什么|什麼|啥|个|個|款|一个|一個|几个|幾個|一款|几款|幾款)?\s*(?:好用的|好的|靠谱的|靠譜的)?\s*((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)(?=\s*(?:[，,。？?！!]|帮|幫|来|來|用来|用來|给|給|可以|能|吗|嗎|呢|$))/giu;

const REQUEST_VERBS = ["推荐", "推薦", "介绍", "介紹"];

function requestedThings(question: string): { word: string; start: number }[] {
  const things: { word: string; start: number }[] = [];
  // ZH_REQUESTED opens on one of its verbs: a question without one is not run through it.
  if (REQUEST_VERBS.some((verb) => question.includes(verb)))
    for (const match of question.matchAll(ZH_REQUESTED)) {
      const head = match[1]!.split(/\s+/).at(-1)!;
      if (namesNoThing(head)) continue;
      things.push({ word: head, start: match.index + match[0].lastIndexOf(head) });
    }
  if (!asksForAThing(question)) return things;
  for (const match of question.matchAll(REQUESTED)) {
    const words = match[1]!.split(/\s+/);
    // "suggest pairing X with Y", "recommend starting with": a verb's complement, not a thing.
    if (/^(?:recommend|suggest)\s+[a-z-]+ing\b/iu.test(match[0])) continue;
    // "a good recipe for sourdough bread": the thing is what the phrase ends in before a preposition.
    const cut = words.findIndex((w) => /^(?:for|to|of|on|in|with|about)$/iu.test(w));
    const phrase = cut > 0 ? words.slice(0, cut) : cut === 0 ? [] : words;
    if (CLAUSE_OPENER.test(phrase[0] ?? "")) continue;
    // "the guide recommend apa ah?": the particles closing it ask, they name nothing; nor does a participle after the thing.
    while (phrase.length > 0 && (DISCOURSE_PARTICLE.test(phrase.at(-1)!) || PARTICIPLE_AFTER.test(phrase.at(-1)!))) phrase.pop();
    const head = phrase.at(-1);
    if (!head || namesNoThing(head)) continue;
    things.push({ word: head, start: match.index + match[0].lastIndexOf(head) });
  }
  return things;
}

/**
 * "the Markdown guide", "那份 PDF 文档": a file format before a word for a document says what kind of
 * file the document is, not a thing asked about ("把 PDF 转成 Markdown" asks about the formats).
 */
function namesFileFormat(question: string, word: string, end: number): boolean {
  return FILE_FORMAT.test(word) && DOCUMENT_AFTER.test(question.slice(end, end + 12));
}

const FILE_FORMAT = /^(?:markdown|md|pdf|html|txt)$/iu;
const DOCUMENT_AFTER =
  /^\s*(?:guides?|lists?|posts?|articles?|docs?|documents?|files?|versions?|notes?|roadmaps?|文档|文件|版|格式的(?:那份|那篇|文档)|那份|那篇)/iu;

/** A request's last word that is no thing asked for: a word ending no noun phrase, or a kind of resource (the documents list those). */
function namesNoThing(head: string): boolean {
  return NOT_THINGS.test(head) || RESOURCE_KINDS.test(head) || misspeltResourceKind(head);
}

/**
 * "动手学深度学习 (Dive into Deep Learning)": English in brackets right after a Chinese name the corpus
 * uses is that name's translation, not a name of its own.
 */
function glossesCorpusName(question: string, start: number, usedInCorpus: (token: string) => boolean): boolean {
  const open = Math.max(question.lastIndexOf("(", start), question.lastIndexOf("（", start));
  if (open < 0 || /[)）]/u.test(question.slice(open, start))) return false;
  const before = /(\p{Script=Han}+)[》」"]?\s*$/u.exec(question.slice(0, open))?.[1];
  if (!before) return false;
  const tokens = tokenizeForSearch(before);
  return tokens.length > 0 && tokens.every(usedInCorpus);
}

/** "Nice. Is there …", "Cool! and …": a one-word sentence opening the question is an interjection, not a name. */
function isOpeningInterjection(text: string, start: number, end: number): boolean {
  if (text.slice(0, start).trim() !== "") return false;
  // "Hi, I'm a tester in Accra. …": a greeting before a comma opens the question as it opens a letter.
  if (/^[.!！。]\s*\S/u.test(text.slice(end))) return true;
  if (!/^\s*[,，]/u.test(text.slice(end))) return false;
  // "Kak, …", "Grand, so …", "Abeg, …": a word in plain title case alone before the comma is how
  // the learner addresses the reader or opens their turn, in whichever English they write; the
  // words are an open class (Kak, Oga, Kuya, Grand, Honestly …). Not when the question refers back
  // to it ("Svelte, which stage covers it?": the thing asked about, put first), and a name written
  // as names are (LoRA, GPT-4, RAG) has other capitals, and is still read.
  if (GREETING.test(text.slice(start, end))) return true;
  return /^[A-Z][a-z]+$/u.test(text.slice(start, end)) && !/\b(?:it|its|it's)\b/iu.test(text.slice(end));
}

// With the words learners address the reader by ("Oga, …", "Bro, …", "Kuya, …"): a vocative before a comma, as a greeting.
const GREETING =
  /^(?:hi|hello|hey|hiya|greetings|dear|thanks|thank|ok|okay|yo|morning|evening|oga|bro|bruh|boss|mate|dude|guys|folks|sir|madam|kuya|ate|abeg|lads)$/iu;

/** The first word of an English sentence is capitalized whatever it is ("Should I …", "Any good …"). */
function startsEnglishSentence(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).trimEnd();
  const opensSentence = before === "" || /[.!?。！？:：]$/u.test(before);
  return opensSentence && /^\s+[A-Za-z]/.test(text.slice(end));
}

/** A Chinese word that is off the field and none of whose pieces a passage uses (世界史: 世界 is in no chunk either). */
function unusedHan(word: string, usedInCorpus: (token: string) => boolean, offFieldWord: (word: string) => boolean): boolean {
  const tokens = tokenizeForSearch(word);
  return offFieldWord(word) && tokens.length > 0 && !tokens.some(usedInCorpus);
}
