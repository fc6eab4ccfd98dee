/**
 * What is derived from the chunk at each position of one index (its heading's term ids, its
 * bigram codes), computed on first read and then read by position: an array slot, not a map
 * keyed by the chunk or its id. The re-ranker reads ~30 candidates a question, and a lookup per
 * candidate and per figure cost more than the figures. Bounded like the caches it replaced: past
 * `max` values all are dropped and computed again as read (at 100k chunks, a value for every
 * chunk ever re-ranked would hold hundreds of MB of bigram codes).
 */
export class ByPosition<T> {
  private readonly values: (T | undefined)[];
  private held = 0;

  constructor(
    count: number,
    private readonly max: number,
    private readonly compute: (position: number) => T,
  ) {
    this.values = new Array<T | undefined>(count).fill(undefined);
  }

  get(position: number): T {
    let value = this.values[position];
    if (value === undefined) {
      if (this.held >= this.max) {
        this.values.fill(undefined);
        this.held = 0;
      }
      value = this.compute(position);
      this.values[position] = value;
      this.held++;
    }
    return value;
  }
}
