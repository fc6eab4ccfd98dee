/**
 * Which sentences of a chunk hold each question term, remembered per chunk in one flat table of
 * 32-bit words keyed by the term's number (sentenceSelection.ts' scoreSentences).
 *
 * Why not a Map per chunk from term to a list of sentences: a question's ~25 terms were looked up
 * in each of its ~6 passages' maps, ~150 lookups an answer, each reaching a hash bucket, an entry,
 * the key's characters, a list object and its elements in memory no other question had touched
 * lately: ~3 % of an ask's CPU went to those lookups alone. Here a term's number is found once a
 * question (in one map that every question reads), and a chunk's entry for it is one probe into
 * a few contiguous words: the sentences as bit masks, next to the term's number.
 */

/** A term's number: the same for the same string until the numbering starts over (`numbering` changes). */
const numbers = new Map<string, number>();
/** Numbers given in all: when this many, the numbering starts over (a server meets new terms forever). */
const MAX_NUMBERED = 1 << 16;
let numbering = 0;

/**
 * The numbers of `terms` into `out`, all of one numbering: when the numbering starts over half-way,
 * the terms are numbered again, so that no two of them share a number.
 */
export function numberTerms(terms: readonly string[], count: number, out: Int32Array): void {
  for (;;) {
    const started = numbering;
    for (let t = 0; t < count; t++) out[t] = termNumber(terms[t]!);
    if (numbering === started) return;
  }
}

function termNumber(term: string): number {
  let n = numbers.get(term);
  if (n === undefined) {
    if (numbers.size >= MAX_NUMBERED) {
      numbers.clear();
      numbering++;
    }
    n = numbers.size;
    numbers.set(term, n);
  }
  return n;
}

/** An entry's second word: whether its parent and heading words are filled, and whether the chunk's heading holds the term. */
export const PARENT_KNOWN = 1;
export const IN_HEADING = 2;
/** Set when `find` finds the entry: the terms questions keep asking survive a full table's sweep. */
const FOUND_AGAIN = 4;

/**
 * Entries kept per chunk. When full, the entries found again since the last sweep stay (at most
 * half the table) and the rest are dropped. Starting over whole, as the lists it replaces did,
 * dropped 模型 and 学习 with the one-off terms: on the dev + tune questions two of three entries
 * added were terms the chunk had held before.
 */
const MAX_ENTRIES = 256;
const MAX_KEPT = MAX_ENTRIES / 2;
const FIRST_CAPACITY = 32;

/**
 * One chunk's entries, open addressing with linear probing over `cells`: an entry is its term's
 * number + 1 (0: a free slot), the flags above, the sentences holding the term (`words` words, bit
 * i of word w for sentence 32w + i), then the sentences whose list item's label holds it.
 */
export class TermSentenceTable {
  /** Words per entry. */
  readonly stride: number;
  cells: Int32Array;
  private capacity = FIRST_CAPACITY;
  private size = 0;
  private numbering = numbering;

  constructor(
    /** Words of a sentence mask: ⌈sentences / 32⌉, at least 1. */
    readonly words: number,
  ) {
    this.stride = 2 + 2 * words;
    this.cells = new Int32Array(this.capacity * this.stride);
  }

  /** Where the entry of term number `n` starts in `cells`, or -1 when the chunk has none. */
  find(n: number): number {
    if (this.numbering !== numbering) {
      // Numbers of an earlier numbering name other terms now.
      this.cells.fill(0);
      this.size = 0;
      this.numbering = numbering;
      return -1;
    }
    const mask = this.capacity - 1;
    for (let slot = hash(n) & mask; ; slot = (slot + 1) & mask) {
      const key = this.cells[slot * this.stride]!;
      if (key === 0) return -1;
      if (key === n + 1) {
        const at = slot * this.stride;
        this.cells[at + 1]! |= FOUND_AGAIN;
        return at;
      }
    }
  }

  /**
   * A new, zeroed entry for term number `n` (which `find` did not find), and where it starts. The
   * offsets `find` and `add` gave before are no longer valid.
   */
  add(n: number): number {
    if (this.size >= MAX_ENTRIES) this.sweep();
    else if (2 * (this.size + 1) > this.capacity) this.grow();
    this.size++;
    const mask = this.capacity - 1;
    let slot = hash(n) & mask;
    while (this.cells[slot * this.stride] !== 0) slot = (slot + 1) & mask;
    const at = slot * this.stride;
    this.cells[at] = n + 1;
    return at;
  }

  /** Keeps the entries found again since the last sweep, at most MAX_KEPT, marked as not found again; drops the rest. */
  private sweep(): void {
    const stride = this.stride;
    if (sweepScratch.length < this.cells.length) sweepScratch = new Int32Array(this.cells.length);
    const old = sweepScratch;
    old.set(this.cells);
    this.cells.fill(0);
    this.size = 0;
    const mask = this.capacity - 1;
    for (let from = 0; from < this.cells.length && this.size < MAX_KEPT; from += stride) {
      const key = old[from]!;
      if (key === 0 || (old[from + 1]! & FOUND_AGAIN) === 0) continue;
      let slot = hash(key - 1) & mask;
      while (this.cells[slot * stride] !== 0) slot = (slot + 1) & mask;
      // Word by word: a subarray to copy from is an object per entry kept (~2 KB an ask).
      const to = slot * stride;
      for (let w = 0; w < stride; w++) this.cells[to + w] = old[from + w]!;
      this.cells[to + 1]! &= ~FOUND_AGAIN;
      this.size++;
    }
  }

  private grow(): void {
    const old = this.cells;
    const stride = this.stride;
    this.capacity *= 2;
    this.cells = new Int32Array(this.capacity * stride);
    const mask = this.capacity - 1;
    for (let from = 0; from < old.length; from += stride) {
      const key = old[from]!;
      if (key === 0) continue;
      let slot = hash(key - 1) & mask;
      while (this.cells[slot * stride] !== 0) slot = (slot + 1) & mask;
      this.cells.set(old.subarray(from, from + stride), slot * stride);
    }
  }
}

/** A full table's words while it is swept: one for every table, as only one is swept at a time. */
let sweepScratch = new Int32Array(0);

/** Numbers are given in order: a multiplicative hash spreads neighbours over the table. */
const hash = (n: number) => Math.imul(n, 0x9e3779b1) >>> 16;

/** How many bits of `word` are set. */
export function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
