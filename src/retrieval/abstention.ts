import { findGlossaryMatches, type GlossaryEntry, type GlossaryMatch } from "./glossary.js";
import { contentSegments, contentSegmentsWithout } from "./analyzeQuery.js";
import { isFiller } from "./questionWords.js";

/**
 * How well the retrieved passages support a question, in 0..1, and when that is too weak to
 * answer from. Two signals:
 *   - coverage: the share of the question's content (its field terms and other meaningful
 *     words, weighted by idf so rare words count more than 学习/learn) that the top passages
 *     contain. A glossary term counts as found when any of its names in either language is.
 *   - the top dense cosine similarity, which separates a question phrased unlike the corpus
 *     but about the same things from one about something else.
 * evidence = COVERAGE_WEIGHT · coverage + (1 − COVERAGE_WEIGHT) · min(1, similarity / SIMILARITY_SCALE).
 */

/** One concept of the question: found when any of its tokens is in the passages. */
export interface TermGroup {
  label: string;
  tokens: string[];
  weight: number;
  /**
   * A glossary term's whole names (the question's own surface first): "mixture of experts", not its
   * tokens, one of which (experts, 专家) may be any heading's word.
   */
  names?: readonly string[];
}

export const COVERAGE_WEIGHT = 0.75;
/** Cosine similarity treated as full dense support (local hashed embeddings rarely exceed it). */
export const SIMILARITY_SCALE = 0.5;

export interface TermWeights {
  idf(token: string): number;
}

const MEANINGFUL = /[\p{L}\p{N}]/u;

/** A word at all: letters or digits, not conversational filler. */
function isWordToken(token: string): boolean {
  return MEANINGFUL.test(token) && !isFiller(token);
}

function isContentToken(token: string): boolean {
  if (!isWordToken(token)) return false;
  // A lone Han character (了, 年, 谁) or latin letter carries no topic on its own.
  if (Array.from(token).length === 1) return false;
  if (/^\d+$/.test(token) && token.length < 3) return false;
  return true;
}

/**
 * The question's content as term groups: each glossary term (with all its names, tokenized) and
 * each remaining content token. Weight: the largest idf among the tokens the question itself used.
 */
export function contentTermGroups(question: string, tokenize: (text: string) => string[], weights: TermWeights): TermGroup[] {
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  let rest = "";
  let position = 0;
  const terms: GlossaryMatch[] = [];
  let fillerKept = false;
  for (const match of findGlossaryMatches(question, { learnerPhrases: false })) {
    rest += `${question.slice(position, match.start)} `;
    position = match.end;
    if (isFiller(match.surface)) {
      rest += `${match.surface} `;
      fillerKept = true;
      continue;
    }
    terms.push(match);
    const { own, names, key, wholeNames } = matchTokens(match.surface, match.entries, tokenize);
    if (names.length === 0 || seen.has(key)) continue;
    seen.add(key);
    // Its own copy of the remembered names: a group's tokens are the caller's.
    groups.push({
      label: match.surface,
      tokens: names.slice(),
      weight: Math.max(...(own.length > 0 ? own : names).map((t) => weights.idf(t))),
      names: wholeNames,
    });
  }
  rest += question.slice(position);
  // The rest's segments read off the question's own walk where that is the same reading (no filler
  // term kept between spaces, no learners' phrase cut by a term): no second scan of a new text.
  const segments = (terms.length > 0 && !fillerKept ? contentSegmentsWithout(question, terms) : undefined) ?? contentSegments(rest);
  // Filler is taken out before tokenizing: jieba cuts 接下来 into 接下/下来, which no longer look like filler.
  for (const token of unique(tokenize(segments.join(" ")).filter(isContentToken))) {
    if (seen.has(token)) continue;
    seen.add(token);
    groups.push({ label: token, tokens: [token], weight: weights.idf(token) });
  }
  return groups;
}

/** A glossary match's own content tokens, with its entries' names: a group's tokens, and its key among the groups. */
interface MatchTokens {
  own: readonly string[];
  names: readonly string[];
  key: string;
  /** The surface and its entries' whole names (TermGroup.names). */
  wholeNames: readonly string[];
}

/**
 * MatchTokens by tokenizer, entry list and surface: they depend on nothing else, and a field term
 * (LoRA, 大模型) comes back question after question, while an entry's names can be many
 * (sorted and joined for the key each time). Bounded per entry list; cleared when full.
 */
const recentMatchTokens = new WeakMap<(text: string) => string[], WeakMap<readonly GlossaryEntry[], Map<string, MatchTokens>>>();
const MAX_SURFACES_PER_ENTRIES = 64;

function matchTokens(surface: string, entries: readonly GlossaryEntry[], tokenize: (text: string) => string[]): MatchTokens {
  let byEntries = recentMatchTokens.get(tokenize);
  if (!byEntries) recentMatchTokens.set(tokenize, (byEntries = new WeakMap()));
  let bySurface = byEntries.get(entries);
  if (!bySurface) byEntries.set(entries, (bySurface = new Map<string, MatchTokens>()));
  let tokens = bySurface.get(surface);
  if (!tokens) {
    const own = tokenize(surface).filter(isContentToken);
    const names = unique([...own, ...entries.flatMap((entry: GlossaryEntry) => nameTokens(entry, tokenize))]);
    tokens = {
      own,
      names,
      key: names.slice().sort().join("|"),
      wholeNames: [surface, ...entries.flatMap((entry) => [...entry.en, ...entry.zh])],
    };
    if (bySurface.size >= MAX_SURFACES_PER_ENTRIES) bySurface.clear();
    bySurface.set(surface, tokens);
  }
  return tokens;
}

/** The content tokens of a glossary entry's names, per tokenizer: the same for every question that names the entry. */
const entryNameTokens = new WeakMap<(text: string) => string[], WeakMap<GlossaryEntry, readonly string[]>>();

export function nameTokens(entry: GlossaryEntry, tokenize: (text: string) => string[]): readonly string[] {
  let byEntry = entryNameTokens.get(tokenize);
  if (!byEntry) entryNameTokens.set(tokenize, (byEntry = new WeakMap()));
  let tokens = byEntry.get(entry);
  if (!tokens) {
    // A name the glossary gives as one character (月 for month) is that concept's whole name, not a stray character.
    const aliasTokens = (alias: string) => {
      const all = tokenize(alias);
      return all.filter(all.length === 1 && all[0] === alias ? isWordToken : isContentToken);
    };
    tokens = [...entry.en, ...entry.zh].flatMap(aliasTokens);
    byEntry.set(entry, tokens);
  }
  return tokens;
}

/** Idf-weighted share of the groups with a token among `found`; 0 for a question with no content. */
export function termCoverage(groups: readonly TermGroup[], found: ReadonlySet<string>): number {
  // Loops, not reduce/filter: the re-ranker asks this twice per candidate of every question.
  let total = 0;
  for (const g of groups) total += g.weight;
  if (total <= 0) return 0;
  let covered = 0;
  for (const g of groups) if (holdsAny(found, g.tokens)) covered += g.weight;
  return covered / total;
}

/** termCoverage when which groups are covered is known: bit g of `covered` for group g (at most 30 groups). */
export function maskCoverage(groups: readonly TermGroup[], covered: number): number {
  // The same sums in the same order as termCoverage, so the two agree to the last bit.
  let total = 0;
  for (const g of groups) total += g.weight;
  if (total <= 0) return 0;
  let sum = 0;
  for (let i = 0; i < groups.length; i++) if (covered & (1 << i)) sum += groups[i]!.weight;
  return sum / total;
}

/** termCoverage when the covered groups are known (`found`, in the groups' order): the same sums in the same order. */
export function foundGroupsCoverage(groups: readonly TermGroup[], found: readonly TermGroup[]): number {
  let total = 0;
  for (const g of groups) total += g.weight;
  if (total <= 0) return 0;
  let covered = 0;
  for (const g of found) covered += g.weight;
  return covered / total;
}

/** Whether `found` holds any of `tokens` (a loop, not a closure per group: see termCoverage). */
function holdsAny(found: ReadonlySet<string>, tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) if (found.has(tokens[i]!)) return true;
  return false;
}

export function evidenceScore(signals: { coverage: number; topDenseSimilarity: number }): number {
  const dense = Math.min(1, Math.max(0, signals.topDenseSimilarity) / SIMILARITY_SCALE);
  const score = COVERAGE_WEIGHT * clamp01(signals.coverage) + (1 - COVERAGE_WEIGHT) * dense;
  return clamp01(score);
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
