import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument } from "../corpus/types.js";
import { gatedTest } from "../text/questionGate.js";
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
const ALTERNATIVES =
  /^[\s,，]*(?:先学?|学)?\s*(?:还是|或者?|或是|or|vs\.?|versus|before\s+or\s+after|after\s+or\s+before)\s*(?:先学?|学|learn|do|start\s+with|take|read)?\s*(?:the\s+|an?\s+)?$/iu;
/** What joins two topics as a pair ("RAG 和微调", "LoRA and RAG", "LoRA and the RAG part"): an order question only with a which-first cue. */
const PAIR = /^[\s,，]*(?:和|跟|与|同|及|以及|and|&|\/)\s*(?:the\s+)?$/iu;

// `iu`, asked of every question a retrieval reads: through their twins (ignoreCaseTest.ts).
const asksWhichFirst = gatedTest(WHICH_FIRST);
const saysFirst = gatedTest(FIRST);
const namesProcess = gatedTest(PROCESS_ORDER);

/** A Latin name the glossary does not hold (LangChain, vLLM): written as a name, with a capital or a digit ("happy or angry" names nothing). */
const WRITTEN_NAME = /[A-Z0-9]/u;
const CONNECTIVE = /^(?:or|and|vs|versus)$/iu;
const LATIN_NAME = /[A-Za-z][A-Za-z0-9+#.-]*[A-Za-z0-9+#]|[A-Za-z]{2,}/gu;

interface Named {
  surface: string;
  start: number;
  end: number;
}

/** An enumeration comma between two topics ("RAG、微调和 Agent"): a list, like 和. */
const ENUMERATION = /^\s*、\s*$/u;
/**
 * A Latin comma ("RAG, fine-tuning and agents"): a list only when an and/or joins its last two. A
 * Chinese comma ends a clause ("学了 LoRA，RAG 和微调哪个先": LoRA is what was learnt, no third choice).
 */
const COMMA = /^\s*,\s*$/u;

/** "After LoRA, …", "before RLHF, …": an English clause of time opening on a name. */
const TIME_CLAUSE_BEFORE = /\b(?:after|before|once|since)\s+(?:learning\s+|finishing\s+|doing\s+)?$/iu;

type Joint = "alternatives" | "pair" | "list" | "comma" | undefined;

function jointOf(between: string): Joint {
  if (ALTERNATIVES.test(between)) return "alternatives";
  if (PAIR.test(between)) return "pair";
  if (ENUMERATION.test(between)) return "list";
  return COMMA.test(between) ? "comma" : undefined;
}

/**
 * The topics an order question names (two or more: "RAG、微调和 Agent 按什么顺序学"), in the
 * question's order; undefined for any other question. Cheap for most questions: the cues are one
 * pattern, read before the names.
 */
export function orderAsked(query: string): string[] | undefined {
  const whichFirst = asksWhichFirst(query);
  if ((!whichFirst && !saysFirst(query)) || namesProcess(query) || STAGE_ASKED.test(query)) return undefined;
  const names = namesIn(query);
  const joints = names.slice(1).map((name, i) => jointOf(query.slice(names[i]!.end, name.start)));
  for (let start = 0; start < joints.length; start++) {
    // A run of names, each joined to the next.
    let end = start;
    while (end < joints.length && joints[end] !== undefined) end++;
    end = closedByConjunction(joints, start, end);
    // "Before RLHF, LoRA or RAG first?": the name a clause of time opens with is where the learner stands.
    if (end > start && joints[start] === "comma" && TIME_CLAUSE_BEFORE.test(query.slice(0, names[start]!.start))) start++;
    if (end <= start) continue;
    const run = joints.slice(start, end);
    // With alternatives (X 还是 Y) any "first" asks which; a pair or list needs a which-first cue.
    if (!run.includes("alternatives") && !whichFirst) {
      start = end;
      continue;
    }
    // "X 和 Y 之前要先学什么": what comes before both, not which of them.
    if (AFTER_PAIR_SEQUENCE.test(query.slice(names[end]!.end))) {
      start = end;
      continue;
    }
    const topics: string[] = [];
    for (const name of names.slice(start, end + 1))
      if (!topics.some((t) => t.toLowerCase() === name.surface.toLowerCase())) topics.push(name.surface);
    if (topics.length >= 2) return topics;
    start = end;
  }
  return undefined;
}

/** The run's end cut before its last plain comma until an and/or follows every comma left. */
function closedByConjunction(joints: readonly Joint[], start: number, end: number): number {
  let cut = end;
  for (let i = end - 1; i >= start; i--) {
    if (joints[i] === "pair" || joints[i] === "alternatives") break;
    if (joints[i] === "comma") cut = i;
  }
  return cut;
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
  for (const name of names) {
    if (name.start < (kept.at(-1)?.end ?? 0)) continue;
    // "MoE 架构和 Sora 架构", "Qwen 模型跟 LangChain": a kind's head noun right after a name says what
    // kind the name is; the name is the topic, and the pair is joined after the head.
    const head = KIND_HEAD.exec(query.slice(name.end, name.end + 16))?.[0];
    kept.push(head && !isKindHeadAlone(name.surface) ? { ...name, end: name.end + head.length } : name);
  }
  return kept;
}

/** Head nouns that say what kind of thing the name before them is (MoE 架构, Qwen 模型, GGUF 格式, LangChain framework). */
const KIND_HEAD =
  /^\s*(?:架构|模型|框架|格式|技术|算法|方法|工具|库|(?:architecture|model|framework|format|technique|method|tool)s?\b|librar(?:y|ies)\b)/iu;
/** A name that is itself such a head (模型 of "模型和数据"): nothing to extend. */
const isKindHeadAlone = (surface: string) => KIND_HEAD.test(surface);

/**
 * Where the topics sit in each roadmap and which comes first, with a passage of each one's stage
 * that names it (for the answer to cite). Roadmaps placing more of them come first; a roadmap
 * placing one only says where that one is, and claims no order. When no roadmap places two, the
 * question is read as any other ("Vue 和 React 先学哪个" is no roadmap's order): undefined, or
 * `placedApart` when each topic sits in some roadmap but never two in one ("MoE 和 Sora 哪个先学":
 * no document says which comes first).
 * A list of directions (leadingList.ts) is no sequence: only the roadmap the question names is read so.
 */
export function topicOrderContext(params: {
  topics: readonly string[];
  documents: CorpusDocument[];
  chunks: Chunk[];
  profiles: readonly RoadmapProfile[];
  named: RoadmapProfile | undefined;
  expansionsOf: (topic: string) => readonly string[];
  matches: readonly Passage[];
  language: QueryLanguage;
}): { order: TopicOrder; passages: Passage[] } | { placedApart: true } | undefined {
  const { topics, documents, chunks, profiles, named } = params;
  const sequential = (p: RoadmapPosition) =>
    named ? p.docId === named.doc.id : !profiles.some((profile) => profile.doc.id === p.docId && profile.listItems);
  const located = topics.map((topic) => locateTopic(documents, chunks, topic, params.expansionsOf(topic)).filter(sequential));
  const docIds = [...new Set(located.flat().map((p) => p.docId))];
  const placedIn = (roadmap: TopicOrderInRoadmap) => roadmap.stages.filter((at) => at !== undefined).length;
  const roadmaps: TopicOrderInRoadmap[] = docIds.map((docId) => {
    const positions = located.map((inRoadmaps) => inRoadmaps.find((p) => p.docId === docId));
    const steps = stepsOf(positions);
    return {
      docId,
      title: positions.find((p) => p !== undefined)!.title,
      stages: positions.map((p) => p?.at),
      ...(steps ? { steps } : {}),
    };
  });
  // Those placing most first (in the roadmaps' order among equals), then those placing one.
  const shown = roadmaps
    .map((roadmap, i) => ({ roadmap, i }))
    .sort((a, b) => placedIn(b.roadmap) - placedIn(a.roadmap) || a.i - b.i)
    .map(({ roadmap }) => roadmap)
    // As many roadmaps as a sequence answer shows.
    .slice(0, MAX_SEQUENCE_ROADMAPS);
  // A roadmap placing one of them says nothing of their order: answered so only beside one placing two.
  if (!roadmaps.some((r) => placedIn(r) >= 2)) return located.every((at) => at.length > 0) ? { placedApart: true } : undefined;
  if (!shown.some((r) => placedIn(r) >= 2)) return undefined;
  // Two topics: two roadmaps' pairs. Three or more: as many as one roadmap's chain may need, so
  // that the ranking's matches keep places (a line may say the order in words: "预训练是第一步").
  const limit = topics.length > 2 ? topics.length : MAX_ORDER_PASSAGES;
  const passages: Passage[] = [];
  const covered: TopicOrderInRoadmap[] = [];
  for (const roadmap of shown) {
    const own: Passage[] = [];
    for (const [i, topic] of topics.entries()) {
      const at = roadmap.stages[i];
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
    // A roadmap comes whole or not at all: its claim is cited to all of its passages.
    if (passages.length + own.length > limit) break;
    passages.push(...own);
    covered.push(roadmap);
  }
  if (!covered.some((r) => placedIn(r) >= 2)) return undefined;
  return { order: { topics: [...topics], roadmaps: covered }, passages };
}

/**
 * Each placed topic's step on the sequence of stages the roadmap lays out; undefined when fewer
 * than two are placed or one sits outside that sequence (a section that is no step says nothing of
 * order). A stage listed twice (a plan, then notes per stage) is one stage: the same step.
 */
function stepsOf(positions: readonly (RoadmapPosition | undefined)[]): (number | undefined)[] | undefined {
  const placed = positions.filter((p) => p !== undefined);
  if (placed.length < 2) return undefined;
  const sequence = placed[0]!.path?.steps;
  if (!sequence) return undefined;
  for (const { path } of placed) {
    if (!path || path.step === 0 || path.steps.length !== sequence.length) return undefined;
    if (path.steps.some((step, i) => stageName(step) !== stageName(sequence[i]!))) return undefined;
  }
  return positions.map((p) => p?.path?.step);
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
