import { grownInt32 } from "./grownArrays.js";

/**
 * Search tokens as small integer ids, for the builders that count a whole corpus's tokens (BM25
 * postings, the term table): each token is looked up in one map once per occurrence, and what
 * the builders do per occurrence (count it in its chunk, append a posting, give it a table id)
 * is array work on the id. At 100k chunks the builders' own string maps and per-chunk `Map` and
 * `Set` were a fifth of an ingest's CPU. Ids are handed out in order of first appearance.
 */
export class TokenIds {
  private readonly ids = new Map<string, number>();
  /** Tokens by id. */
  readonly tokens: string[] = [];

  get size(): number {
    return this.tokens.length;
  }

  idOf(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.ids.set(token, id);
      this.tokens.push(token);
    }
    return id;
  }

  /** The ids of `tokens` in `into` (grown when too short, so use the one returned); their count is tokens.length. */
  idsOf(tokens: readonly string[], into: Uint32Array): Uint32Array {
    const ids = into.length >= tokens.length ? into : new Uint32Array(Math.max(tokens.length, 2 * into.length));
    for (let i = 0; i < tokens.length; i++) ids[i] = this.idOf(tokens[i]!);
    return ids;
  }
}

/**
 * Per id, the last "round" (chunk) that touched it: a reused array marks what one chunk has seen,
 * instead of a `Set` per chunk. Grows with the ids.
 */
export class IdMarks {
  private marks = new Int32Array(1024);
  /** Marks start at 0, so the first round is 1. */
  private round = 1;

  /** Starts a new round: nothing is marked. */
  next(): void {
    this.round++;
    if (this.round === 0x7fffffff) {
      this.marks.fill(0);
      this.round = 1;
    }
  }

  /** Marks `id` in this round; whether it was unmarked. */
  mark(id: number): boolean {
    if (id >= this.marks.length) this.marks = grownInt32(this.marks, id + 1);
    if (this.marks[id] === this.round) return false;
    this.marks[id] = this.round;
    return true;
  }
}
