/**
 * Values of recently used keys, bounded: a map that, when full, becomes the previous generation
 * and starts a new one (a key found there moves up). A hit costs one or two Map lookups, where
 * an LRU list also re-links the entry on every read; what a request reads many times (a
 * question's tokens, a passage's token set) is looked up in the hot path of every request.
 * Holds at most `max` entries (two generations of max / 2); a key unused for a whole generation is dropped.
 */
export class RecentValues<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();
  private readonly generation: number;

  constructor(max: number) {
    this.generation = Math.max(1, Math.ceil(max / 2));
  }

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const older = this.previous.get(key);
    if (older !== undefined) this.set(key, older);
    return older;
  }

  set(key: K, value: V): void {
    if (this.current.size >= this.generation) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}
