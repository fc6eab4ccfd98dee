import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument } from "../corpus/types.js";
import { chunksOfDocument } from "./documentChunks.js";
import { findGlossaryMatches } from "./glossary.js";
import { isFiller } from "./questionWords.js";
import { locateTopic, termMatcher } from "./roadmapNavigator.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { MAX_SEQUENCE_ROADMAPS } from "./sequenceContext.js";
import { stageName } from "./stageOutline.js";
import type { Passage, QueryLanguage, RoadmapPosition, SectionRef, TopicOrder, TopicOrderInRoadmap } from "./types.js";

/**
 * "RAG 和微调我应该先学哪个？", "先学 Prompt 还是先学 LangChain", "should I learn fine-tuning or RAG
 * first?": a question naming two topics as alternatives and asking which comes first. Its 先学 is
 * no "before RAG": the answer is where each topic sits in each roadmap and which of the two
 * stages comes first there. The question is read Simplified (the retriever's search form).
 */

/**
 * Passages the order takes at most: two roadmaps' pairs. The rest of the answer's k are the
 * ranking's best matches, which may say more than where each topic sits (a line comparing the two,
 * what one needs of the other); four roadmaps' pairs would fill every place.
 */
const MAX_ORDER_PASSAGES = 4;

/** A stage word after "which" or "first": "which stage comes before X and Y" asks for a stage, "the first stage" is an ordinal. */
const STAGE_NOUN = "(?:stage|step|phase|part|section|chapter|module|level)s?\\b";
/**
 * Cues that ask which of the things named comes first, whatever joins them: 先学哪个, 哪个先,
 * 哪个应该先学, 谁先, 先后, 顺序, "which one comes first", "in what order", "before or after".
 */
const WHICH_FIRST = new RegExp(
  "哪(?:个|一个|一|样|门)?\\s*(?:应该|应当|该|要|需要|得|会)?\\s*(?:先|在前|更早|靠前|排前|优先)|先学?\\s*哪|谁\\s*(?:先|在前)|先后|顺序|次序" +
    `|\\bwhich\\b(?!\\s+${STAGE_NOUN})[^?？]*?\\b(?:first|earlier)\\b(?!\\s+${STAGE_NOUN})|\\b(?:what|which|the|in)\\s+order\\b|\\bbefore\\s+or\\s+after\\b`,
  "iu",
);
/** A stage asked for in Chinese ("要先学哪个阶段", "之前是哪一段"): a stage, as STAGE_NOUN is in English. */
const STAGE_ASKED = /哪\s*(?:个|一个|一)?\s*(?:阶段|段|步|部分|篇|章|块|环节)/u;
/** A sequence word right after the pair ("X 和 Y 之前要先学什么"): what comes before (after) both, not which of them. */
const AFTER_PAIR_SEQUENCE = /^\s*(?:之前|之后|以前|以后|前面|后面|前|后)/u;
/** With alternatives (X 还是 Y, X or Y), any "first" asks which: "先学 X 还是 Y", "X or Y first?". */
const FIRST = new RegExp(`先|\\bfirst\\b(?!\\s+${STAGE_NOUN})`, "iu");

/**
 * Verbs of a process taking place ("which happens first when training: pretraining or SFT?",
 * "预训练和微调哪个先进行"): the order of its steps, not of a learner's study.
 */
const PROCESS_ORDER = /\b(?:happens?|occurs?|runs?|performed|executed|applied)\b|进行|发生|执行|运行/iu;

/** What joins two alternatives, with a verb of learning either side ("还是先学", "or learn"). */
const ALTERNATIVES = /^[\s,，]*(?:先学?|学)?\s*(?:还是|或者?|或是|or|vs\.?|versus)\s*(?:先学?|学|learn|do|start\s+with)?\s*$/iu;
/** What joins two topics as a pair ("RAG 和微调", "LoRA and RAG"): an order question only with a which-first cue. */
const PAIR = /^[\s,，]*(?:和|跟|与|同|及|以及|and|&|\/)\s*$/iu;

/** A Latin name the glossary does not hold (LangChain, vLLM): written as a name, with a capital or a digit ("happy or angry" names nothing). */
const WRITTEN_NAME = /[A-Z0-9]/u;
const CONNECTIVE = /^(?:or|and|vs|versus)$/iu;
const LATIN_NAME = /[A-Za-z][A-Za-z0-9+#.-]*[A-Za-z0-9+#]|[A-Za-z]{2,}/gu;

interface Named {
  surface: string;
  start: number;
  end: number;
}

/**
 * The two topics an order question names, in the question's order; undefined for any other
 * question. Cheap for most questions: the cues are one pattern, read before the names.
 */
export function orderAsked(query: string): [string, string] | undefined {
  const whichFirst = WHICH_FIRST.test(query);
  if ((!whichFirst && !FIRST.test(query)) || PROCESS_ORDER.test(query) || STAGE_ASKED.test(query)) return undefined;
  const names = namesIn(query);
  for (let i = 0; i + 1 < names.length; i++) {
    const between = query.slice(names[i]!.end, names[i + 1]!.start);
    if (ALTERNATIVES.test(between) || (whichFirst && PAIR.test(between))) {
      const [a, b] = [names[i]!.surface, names[i + 1]!.surface];
      if (AFTER_PAIR_SEQUENCE.test(query.slice(names[i + 1]!.end))) continue;
      if (a.toLowerCase() !== b.toLowerCase()) return [a, b];
    }
  }
  return undefined;
}

/**
 * Field terms of the glossary and Latin names outside them, in the question's order. Not learners'
 * phrases: one may span the pair ("learn RAG or prompt engineering").
 */
function namesIn(query: string): Named[] {
  const names: Named[] = findGlossaryMatches(query, { learnerPhrases: false })
    .filter((m) => !isFiller(m.surface))
    .map((m) => ({ surface: m.surface, start: m.start, end: m.end }));
  for (const word of query.matchAll(LATIN_NAME)) {
    const start = word.index;
    const end = start + word[0].length;
    if (!WRITTEN_NAME.test(word[0]) || isFiller(word[0]) || CONNECTIVE.test(word[0]) || names.some((n) => n.start < end && start < n.end))
      continue;
    names.push({ surface: word[0], start, end });
  }
  // Overlapping glossary matches: the first (longest) at each place.
  names.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Named[] = [];
  for (const name of names) if (name.start >= (kept.at(-1)?.end ?? 0)) kept.push(name);
  return kept;
}

/**
 * Where the two topics sit in each roadmap and which comes first, with a passage of each one's
 * stage that names it (for the answer to cite). Roadmaps placing both come first; a roadmap
 * placing one only says where that one is, and claims no order. Undefined when no roadmap places
 * both (the question is then read as any other: "Vue 和 React 先学哪个" is no roadmap's order).
 * A list of directions (leadingList.ts) is no sequence: only the roadmap the question names is read so.
 */
export function topicOrderContext(params: {
  topics: [string, string];
  documents: CorpusDocument[];
  chunks: Chunk[];
  profiles: readonly RoadmapProfile[];
  named: RoadmapProfile | undefined;
  expansionsOf: (topic: string) => readonly string[];
  matches: readonly Passage[];
  language: QueryLanguage;
}): { order: TopicOrder; passages: Passage[] } | undefined {
  const { topics, documents, chunks, profiles, named } = params;
  const sequential = (p: RoadmapPosition) =>
    named ? p.docId === named.doc.id : !profiles.some((profile) => profile.doc.id === p.docId && profile.listItems);
  const [first, second] = topics.map((topic) => locateTopic(documents, chunks, topic, params.expansionsOf(topic)).filter(sequential));
  const docIds = [...new Set([...first!, ...second!].map((p) => p.docId))];
  const roadmaps: TopicOrderInRoadmap[] = docIds.map((docId) => {
    const a = first!.find((p) => p.docId === docId);
    const b = second!.find((p) => p.docId === docId);
    const order = a && b ? orderOf(a, b) : undefined;
    return {
      docId,
      title: (a ?? b)!.title,
      ...(a ? { first: a.at } : {}),
      ...(b ? { second: b.at } : {}),
      ...(order ? { order } : {}),
    };
  });
  // Both placed first (in the roadmaps' order), then one.
  const shown = [...roadmaps.filter((r) => r.first && r.second), ...roadmaps.filter((r) => !(r.first && r.second))].slice(
    0,
    // As many roadmaps as a sequence answer shows.
    MAX_SEQUENCE_ROADMAPS,
  );
  // A roadmap placing one of them says nothing of their order: answered so only beside one placing both.
  if (!shown.some((r) => r.first && r.second)) return undefined;
  const passages: Passage[] = [];
  const covered: TopicOrderInRoadmap[] = [];
  for (const roadmap of shown) {
    const own: Passage[] = [];
    for (const [topic, at] of [
      [topics[0], roadmap.first],
      [topics[1], roadmap.second],
    ] as const) {
      if (!at) continue;
      const chunk = namingChunk(roadmap.docId, at, topic, params);
      if (!chunk || [...passages, ...own].some((p) => p.chunk.id === chunk.id)) continue;
      const found = params.matches.find((p) => p.chunk.id === chunk.id);
      const label =
        params.language === "en"
          ? `Stage of ${topic}: ${at.heading} (in 《${roadmap.title}》)`
          : `${topic} 所在阶段：${at.heading}（《${roadmap.title}》）`;
      own.push({ ...(found ?? { chunk, score: 0 }), role: "match", roleLabel: label });
    }
    // A roadmap comes whole or not at all: its claim is cited to both of its passages.
    if (passages.length + own.length > MAX_ORDER_PASSAGES) break;
    passages.push(...own);
    covered.push(roadmap);
  }
  if (!covered.some((r) => r.first && r.second)) return undefined;
  return { order: { topics, roadmaps: covered }, passages };
}

/**
 * The first topic's stage against the second's, on the sequence of stages the roadmap lays out;
 * undefined when either sits outside it (a section that is no step says nothing of order). A stage
 * listed twice (a plan, then notes per stage) is one stage: the same step.
 */
function orderOf(a: RoadmapPosition, b: RoadmapPosition): TopicOrderInRoadmap["order"] {
  if (!a.path || !b.path || a.path.step === 0 || b.path.step === 0) return undefined;
  if (a.path.steps.length !== b.path.steps.length || a.path.steps.some((step, i) => stageName(step) !== stageName(b.path!.steps[i]!)))
    return undefined;
  return a.path.step < b.path.step ? "earlier" : a.path.step > b.path.step ? "later" : "same";
}

/**
 * The passage of a topic's stage that names it (a retrieved one first), else the stage's first:
 * the claim of where it sits is cited to a passage that shows it there.
 */
function namingChunk(
  docId: string,
  at: SectionRef,
  topic: string,
  params: { chunks: Chunk[]; matches: readonly Passage[]; expansionsOf: (topic: string) => readonly string[] },
): Chunk | undefined {
  const inStage = (chunk: Chunk) =>
    chunk.docId === docId &&
    (chunk.sectionIndex === at.sectionIndex ||
      chunk.headingPath.includes(at.heading) ||
      (chunk.startLine <= at.startLine && at.startLine <= chunk.endLine));
  // Only the roadmap's own chunks, kept per index version (documentChunks.ts): no scan of every chunk per question.
  const own = chunksOfDocument(params.chunks, docId).filter(inStage);
  // The topic's own name before its glossary expansions (LoRA before 参数高效微调), a retrieved passage before the rest.
  for (const terms of [[topic], params.expansionsOf(topic)]) {
    const matchers = terms.map(termMatcher);
    const names = (chunk: Chunk) => matchers.some((matches) => matches(chunk.text));
    const found = params.matches.find((p) => inStage(p.chunk) && names(p.chunk))?.chunk ?? own.find(names);
    if (found) return found;
  }
  return own[0];
}
