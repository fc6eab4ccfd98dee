import type { Chunk } from "../chunking/types.js";
import { chunkTermParts, TermTableBuilder, type TermTable } from "../text/termTable.js";
import { ByPosition } from "./byPosition.js";
import { recentByChunk } from "./recentByChunk.js";
import { firstAtLeast } from "../text/sortedLists.js";

/**
 * Document frequencies of search tokens over the chunks of one index, for weighting a query's
 * terms by how much they say (学习 says little in a corpus about learning; 世界杯 a lot).
 *
 * Held as term ids in typed arrays, not a Set of strings per chunk: at 100k chunks the sets
 * took ~500 MB of the serving process. Each chunk's distinct tokens (in first-appearance order)
 * and each token's chunks (ascending) are slices of two Uint32Arrays.
 */
export class TermStatistics {
  private readonly termIds = new Map<string, number>();
  /** Terms by id, in order of first appearance over the chunks (the vocabulary's order). */
  private readonly terms: readonly string[];
  private readonly documentFrequency: Uint32Array;
  private readonly chunkIndex = new Map<string, number>();
  /** Chunk c's distinct term ids: chunkTerms[chunkStart[c], chunkStart[c + 1]). */
  private readonly chunkStart: Uint32Array;
  private readonly chunkTerms: Uint32Array;
  /** Term t's chunks, ascending: termChunks[termStart[t], termStart[t + 1]). */
  private readonly termStart: Uint32Array;
  private readonly termChunks: Uint32Array;
  // The index is immutable, so a concept's share never changes: computed once per concept, not
  // once per query.
  private readonly conceptShares = new Map<string, number>();
  /**
   * Token sets of recently read chunks: the re-ranker and the evidence score read the same top
   * chunks for question after question. Bounded, so the typed arrays stay the only full copy.
   */
  private readonly recentTokenSets = recentByChunk<ReadonlySet<string>>(4096, (chunk) => this.tokenSetOf(chunk));
  readonly chunkCount: number;

  /**
   * From the index's term table when it has one (the file store persists it at ingest), else
   * by tokenizing every chunk now (a store without one, e.g. Postgres).
   */
  constructor(
    chunks: readonly Chunk[],
    private readonly tokenize: (text: string) => string[],
    table: TermTable = termTableOf(chunks, tokenize),
  ) {
    this.chunkCount = chunks.length;
    if (table.chunkStart.length !== chunks.length + 1)
      throw new Error(`a term table of ${table.chunkStart.length - 1} chunks for ${chunks.length}`);
    for (const [c, chunk] of chunks.entries()) this.chunkIndex.set(chunk.id, c);
    this.headingTermIds = new ByPosition<Uint32Array | null>(chunks.length, 4096, (c) => {
      const ids: number[] = [];
      for (const token of new Set(this.tokenize(chunks[c]!.headingPath.join(" ")))) {
        const id = this.termIds.get(token);
        if (id === undefined) return null;
        ids.push(id);
      }
      return Uint32Array.from(ids);
    });
    this.terms = table.terms;
    for (const [id, term] of this.terms.entries()) this.termIds.set(term, id);
    this.chunkStart = table.chunkStart;
    this.chunkTerms = table.chunkTerms;
    this.documentFrequency = new Uint32Array(this.terms.length);
    for (const id of this.chunkTerms) this.documentFrequency[id]! += 1;
    this.termStart = new Uint32Array(this.terms.length + 1);
    for (let t = 0; t < this.terms.length; t++) this.termStart[t + 1] = this.termStart[t]! + this.documentFrequency[t]!;
    this.termChunks = new Uint32Array(this.chunkTerms.length);
    const next = this.termStart.slice(0, this.terms.length);
    for (let c = 0; c < chunks.length; c++) {
      for (let p = this.chunkStart[c]!; p < this.chunkStart[c + 1]!; p++) this.termChunks[next[this.chunkTerms[p]!]!++] = c;
    }
  }

  /**
   * Share of chunks that name a concept by any of `names` (a name counts when all its tokens are
   * in the chunk). A concept most chunks name (大模型 in a corpus about large models) says
   * nothing about which passage answers, and expanding it only adds noise.
   */
  conceptShare(names: readonly string[]): number {
    if (this.chunkCount === 0) return 0;
    const key = names.join("\u0000");
    const known = this.conceptShares.get(key);
    if (known !== undefined) return known;
    const share = this.computeConceptShare(names);
    this.conceptShares.set(key, share);
    return share;
  }

  /**
   * conceptShare of a glossary entry's names (English, then Chinese), remembered by the entry:
   * a question naming a concept no longer copies and joins its names for the key each time.
   */
  entryShare(entry: { readonly en: readonly string[]; readonly zh: readonly string[] }): number {
    let share = this.entryShares.get(entry);
    if (share === undefined) {
      share = this.conceptShare([...entry.en, ...entry.zh]);
      this.entryShares.set(entry, share);
    }
    return share;
  }

  private readonly entryShares = new WeakMap<object, number>();

  /** The search tokens of a chunk's heading path and text (tokenized once when the index loads). */
  tokensOf(chunk: Chunk): ReadonlySet<string> {
    return this.recentTokenSets(chunk);
  }

  private tokenSetOf(chunk: Chunk): ReadonlySet<string> {
    const c = this.chunkIndex.get(chunk.id);
    if (c === undefined) return new Set(chunkTermParts(chunk, this.tokenize).flat());
    const tokens = new Set<string>();
    for (let p = this.chunkStart[c]!; p < this.chunkStart[c + 1]!; p++) tokens.add(this.terms[this.chunkTerms[p]!]!);
    return tokens;
  }

  /**
   * Marks a question's term groups and expansion tokens for reading candidates by their term ids
   * (TermMarks). The marks live in two arrays indexed by term id, made once per index; a new
   * marking stamps its terms with a new serial, so nothing is cleared per question and an older
   * TermMarks reads nothing (undefined) once a newer one exists. At most MARKED_GROUPS groups.
   */
  markTerms(groups: readonly (readonly string[])[], expansions: readonly string[]): TermMarks | undefined {
    if (groups.length > MARKED_GROUPS) return undefined;
    this.markStamps ??= new Uint32Array(this.terms.length);
    this.markBits ??= new Int32Array(this.terms.length);
    if (this.markSerial === 0xffffffff) {
      this.markStamps.fill(0);
      this.chunkMarkStamps?.fill(0);
      this.markSerial = 0;
    }
    const serial = ++this.markSerial;
    const stamps = this.markStamps;
    const bits = this.markBits;
    const marked: number[] = [];
    const mark = (token: string, bit: number) => {
      const id = this.termIds.get(token);
      if (id === undefined) return;
      if (stamps[id] !== serial) {
        stamps[id] = serial;
        bits[id] = 0;
        marked.push(id);
      }
      bits[id]! |= bit;
    };
    for (let g = 0; g < groups.length; g++) for (const token of groups[g]!) mark(token, 1 << g);
    for (const token of expansions) mark(token, EXPANSION_BIT);
    // Read from the marked terms' chunk lists, once for all candidates, when those are short.
    let fromPostings: boolean | undefined;
    // By the chunk's position in the index: the re-ranker has it, and reads ~30 candidates a question.
    const at = (c: number): MarkedTerms | undefined => {
      if (this.markSerial !== serial) return undefined;
      if ((fromPostings ??= this.markChunks(marked, serial))) {
        const held = this.chunkMarkStamps![c] === serial;
        return { groups: held ? this.chunkMarkBits![c]! : 0, expansions: held ? this.chunkMarkExpansions![c]! : 0 };
      }
      let groupBits = 0;
      let expansionsHeld = 0;
      for (let p = this.chunkStart[c]!, end = this.chunkStart[c + 1]!; p < end; p++) {
        const id = this.chunkTerms[p]!;
        if (stamps[id] !== serial) continue;
        const held = bits[id]!;
        groupBits |= held & ~EXPANSION_BIT;
        if (held & EXPANSION_BIT) expansionsHeld++;
      }
      return { groups: groupBits, expansions: expansionsHeld };
    };
    const headingGroupsAt = (c: number): number | undefined => {
      const ids = this.headingTermIds.get(c);
      if (ids === null || this.markSerial !== serial) return undefined;
      let groupBits = 0;
      for (let i = 0; i < ids.length; i++) if (stamps[ids[i]!] === serial) groupBits |= bits[ids[i]!]! & ~EXPANSION_BIT;
      return groupBits;
    };
    const marks = (chunk: Chunk, position = this.chunkIndex.get(chunk.id)) => (position === undefined ? undefined : at(position));
    const headingGroups = (chunk: Chunk, position = this.chunkIndex.get(chunk.id)) =>
      position === undefined ? undefined : headingGroupsAt(position);
    return Object.assign(marks, { headingGroups });
  }

  /**
   * A chunk's heading tokens as term ids, by its position, for the re-ranker's heading coverage
   * (markTerms): the same chunks are re-ranked question after question, and reading their heading
   * by id replaces a set of strings looked up token by token. Null when a heading token is no
   * index term (every one is, as ingest tokenizes headings apart).
   */
  private readonly headingTermIds: ByPosition<Uint32Array | null>;

  private markStamps?: Uint32Array;
  private markBits?: Int32Array;
  private markSerial = 0;
  /** Per chunk, what markChunks found for the marking of serial chunkMarkStamps[c]. */
  private chunkMarkStamps?: Uint32Array;
  private chunkMarkBits?: Int32Array;
  private chunkMarkExpansions?: Uint32Array;

  /**
   * Each chunk's marked group bits and expansion count, from the marked terms' chunk lists: a
   * question marks a dozen terms, and walking their lists once costs less than walking each
   * candidate's every term (~30 candidates of ~50 distinct terms on the bundled corpus), with the
   * same bits and counts (a term lists a chunk once). Not done (false) when the lists hold more
   * entries than POSTINGS_CANDIDATES chunks of the index's average length: at 100k chunks a common
   * term's list is long, and the candidates are read term by term instead.
   */
  private markChunks(marked: readonly number[], serial: number): boolean {
    const average = this.chunkCount > 0 ? this.chunkTerms.length / this.chunkCount : 0;
    let entries = 0;
    for (const id of marked) entries += this.documentFrequency[id]!;
    if (entries > POSTINGS_CANDIDATES * average) return false;
    this.chunkMarkStamps ??= new Uint32Array(this.chunkCount);
    this.chunkMarkBits ??= new Int32Array(this.chunkCount);
    this.chunkMarkExpansions ??= new Uint32Array(this.chunkCount);
    const stamps = this.chunkMarkStamps;
    const groupBits = this.chunkMarkBits;
    const expansions = this.chunkMarkExpansions;
    for (const id of marked) {
      const held = this.markBits![id]!;
      for (let p = this.termStart[id]!, end = this.termStart[id + 1]!; p < end; p++) {
        const c = this.termChunks[p]!;
        if (stamps[c] !== serial) {
          stamps[c] = serial;
          groupBits[c] = 0;
          expansions[c] = 0;
        }
        groupBits[c]! |= held & ~EXPANSION_BIT;
        if (held & EXPANSION_BIT) expansions[c]!++;
      }
    }
    return true;
  }

  /** Chunks naming the concept: for each name, the intersection of its tokens' chunk lists; then their union. */
  private computeConceptShare(names: readonly string[]): number {
    const naming = new Uint8Array(this.chunkCount);
    let count = 0;
    for (const name of names) {
      this.forEachChunkNaming(name, (c) => {
        if (naming[c] === 0) {
          naming[c] = 1;
          count++;
        }
      });
    }
    return count / this.chunkCount;
  }

  /** Each chunk (by its position in the index) holding every token of `name`, ascending. */
  forEachChunkNaming(name: string, visit: (chunk: number) => void): void {
    const tokens = this.tokenize(name);
    if (tokens.length === 0) return;
    const ids = tokens.map((token) => this.termIds.get(token));
    if (ids.some((id) => id === undefined)) return;
    const lists = [...new Set(ids as number[])].map((t) => this.chunksOfTerm(t));
    lists.sort((a, b) => a.length - b.length);
    const [shortest, ...rest] = lists as [Uint32Array, ...Uint32Array[]];
    if (rest.length === 0) {
      for (const c of shortest) visit(c);
      return;
    }
    // Each longer list searched onward from where the last chunk was found: the chunks ascend.
    const from = new Uint32Array(rest.length);
    for (const c of shortest) {
      let all = true;
      for (let r = 0; r < rest.length && all; r++) {
        const list = rest[r]!;
        const at = (from[r] = firstAtLeast(list, from[r]!, list.length, c));
        all = at < list.length && list[at] === c;
      }
      if (all) visit(c);
    }
  }

  /** A chunk's position in the index (the order of its chunks), or undefined for a chunk outside it. */
  chunkPosition(chunkId: string): number | undefined {
    return this.chunkIndex.get(chunkId);
  }

  /** The distinct term ids of the chunk at `position` (ids number vocabulary()'s terms in its order); a view, not a copy. */
  termIdsOfChunk(position: number): Uint32Array {
    return this.chunkTerms.subarray(this.chunkStart[position], this.chunkStart[position + 1]);
  }

  private chunksOfTerm(id: number): Uint32Array {
    return this.termChunks.subarray(this.termStart[id], this.termStart[id + 1]);
  }

  /** Every token of the index. */
  vocabulary(): IterableIterator<string> {
    return this.terms.values();
  }

  private compoundParts?: ReadonlySet<string>;

  /**
   * Whether a Latin token is a part of a compound token the index holds ("java" of "java+python",
   * "llama" of "llama-factory"): the word is used, joined to another.
   */
  usedAsPart(token: string): boolean {
    this.compoundParts ??= new Set(
      this.terms.flatMap((term) => (/^[a-z0-9]+(?:[+\-./_][a-z0-9]+)+$/.test(term) ? term.split(/[+\-./_]/) : [])),
    );
    return this.compoundParts.has(token);
  }

  frequency(token: string): number {
    const id = this.termIds.get(token);
    return id === undefined ? 0 : this.documentFrequency[id]!;
  }

  /** BM25's idf, always positive; a token the corpus never uses gets the largest value. */
  idf(token: string): number {
    const df = this.frequency(token);
    return Math.log(1 + (this.chunkCount - df + 0.5) / (df + 0.5));
  }
}

/** Groups a marking can tell apart: one bit each of an int32, beside the expansion bit. */
const MARKED_GROUPS = 30;
const EXPANSION_BIT = 1 << 30;
/**
 * markChunks reads the marked terms' chunk lists when they hold fewer entries than this many
 * average chunks: a third of the re-ranker's 30 candidates, as a list entry costs about three
 * of the candidate walk's reads (a stamp, and the bits and count written). On the bundled corpus
 * a question's lists hold 59–329 entries (10th to 99th percentile of 3,200 bench questions)
 * against a limit of ~470.
 */
const POSTINGS_CANDIDATES = 10;

/**
 * Which marked terms a chunk of the index holds (its distinct term ids read once): bit g of
 * `groups` for group g, and how many of the distinct expansion tokens. Undefined for a chunk
 * outside the index, or once a newer marking was made: read its token set instead.
 */
export interface TermMarks {
  /** `position`: the chunk's in the index (chunkPosition), when the caller has it; else looked up by id. */
  (chunk: Chunk, position?: number): MarkedTerms | undefined;
  /**
   * The marked group bits of the chunk's heading tokens (the tokenizer's tokens of its heading
   * path), read by term id; undefined when the chunk is not this index's, a heading token is no
   * index term, or a newer marking exists.
   */
  headingGroups(chunk: Chunk, position?: number): number | undefined;
}

export interface MarkedTerms {
  groups: number;
  expansions: number;
}

function termTableOf(chunks: readonly Chunk[], tokenize: (text: string) => string[]): TermTable {
  const builder = new TermTableBuilder();
  for (const chunk of chunks) builder.add(...chunkTermParts(chunk, tokenize));
  return builder.build();
}
