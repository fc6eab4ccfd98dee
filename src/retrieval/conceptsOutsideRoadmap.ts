import { escapeRegExp } from "../text/escapeRegExp.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import { conceptNames } from "./conceptDefinitions.js";
import { GLOSSARY } from "./glossary.js";
import { foldForMatching } from "./listItems.js";

/**
 * "ninehills 那份里 RLHF 放在哪个小节", "where does quantization come in the Sept 2024 post": a field
 * concept the question names, asked of a roadmap it names, that the roadmap never names. The
 * roadmap's structure then answers with a stage of it that is not about the concept, and the
 * naming words make its passages look on topic. A concept is what the beginner's glossary of
 * definitions lists (conceptDefinitions.json: the documents' own names of each concept), with the
 * bilingual glossary's synonyms of those names, so a learner's word for a concept the roadmap does
 * name ("quantization" for 量化, "attention" for 注意力机制) finds it there.
 */

/** A concept's names: the documents' ones, and with them the glossary's synonyms. */
interface Concept {
  /**
   * The documents' names, the ones a question must use: the glossary's synonyms of them include
   * learners' everyday words ("guide" for 教程, "hardware" for 强大硬件), which name no field concept.
   */
  docNames: readonly string[];
  names: readonly string[];
}

const LATIN = /[A-Za-z]/;
/** A name of one Latin letter or one Han character says too little to be looked for. */
const SHORT_NAME = /^(?:[A-Za-z0-9]|\p{Script=Han})$/u;

let concepts: readonly Concept[] | undefined;

function allConcepts(): readonly Concept[] {
  return (concepts ??= conceptNames().map((docTerms) => {
    const folded = new Set(docTerms.map(foldForMatching));
    const synonyms = GLOSSARY.filter((entry) => [...entry.en, ...entry.zh].some((name) => folded.has(foldForMatching(name)))).flatMap(
      (entry) => [...entry.en, ...entry.zh],
    );
    const usable = (name: string) => foldForMatching(name).length > 0 && !SHORT_NAME.test(foldForMatching(name));
    return { docNames: docTerms.filter(usable), names: [...new Set([...docTerms, ...synonyms])].filter(usable) };
  }));
}

/**
 * A Latin name in a question is a word of it, not part of a longer one ("RAG" is not in "storage");
 * its spaces and hyphens may be written either way ("Megatron - LM", "Megatron-LM").
 */
const latinPattern = recentlyComputed(1024, (name: string) => {
  const words = name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(escapeRegExp);
  return new RegExp(`(?<![A-Za-z0-9])${words.join("[\\s-]*")}(?![A-Za-z0-9])`, "i");
});

/** A Latin name's first word, lowercased: a question without it cannot name it, and is not scanned. */
const firstWord = recentlyComputed(1024, (name: string) =>
  name
    .split(/[\s-]+/)
    .find(Boolean)!
    .toLowerCase(),
);

/** The name as the question writes it ("quantization", "stable diffusion"), if it names it; `lower`: the question lowercased. */
function namedIn(question: string, lower: string, name: string): string | undefined {
  if (!LATIN.test(name)) return question.includes(name) ? name : undefined;
  return lower.includes(firstWord(name)) ? latinPattern(name).exec(question)?.[0] : undefined;
}

/** A roadmap's text folded once: it is read for every question that names the roadmap. */
const foldedText = recentlyComputed(16, foldForMatching);

/** A concept the question names: the name it wrote, and all the concept's names. */
export interface NamedConcept {
  asked: string;
  names: readonly string[];
}

/**
 * The concepts the question names by one of the documents' names, leaving out those named by
 * `except`: the question's words that named the roadmap (its origin, "CSDN", "GitHub") say which
 * document, not what is asked of it.
 */
export function conceptsNamed(question: string, except: readonly string[] = []): NamedConcept[] {
  const naming = new Set(except.map(foldForMatching));
  const named: NamedConcept[] = [];
  const lower = question.toLowerCase();
  for (const concept of allConcepts()) {
    const asked = concept.docNames.map((name) => namedIn(question, lower, name)).find((written) => written !== undefined);
    if (asked !== undefined && !concept.names.some((name) => naming.has(foldForMatching(name))))
      named.push({ asked, names: concept.names });
  }
  return named;
}

/** Whether the roadmap's text names the concept by any of its names, folded on both sides ("Self-Attention", "self attention"). */
export function roadmapNames(roadmapText: string, concept: NamedConcept): boolean {
  const text = foldedText(roadmapText);
  return concept.names.some((name) => text.includes(foldForMatching(name)));
}

/** The concepts the question names (conceptsNamed) that the roadmap's text never names, each as the question wrote it. */
export function conceptsOutsideRoadmap(question: string, roadmapText: string, except: readonly string[] = []): string[] {
  return conceptsNamed(question, except)
    .filter((concept) => !roadmapNames(roadmapText, concept))
    .map((concept) => concept.asked);
}
