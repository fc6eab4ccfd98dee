/**
 * A bounded map of recently used values, for caches of pure functions on the hot path (a
 * question's tokens, a chunk's derived sets). Two generations instead of a least-recently-used
 * list: a lookup is one or two `Map` reads with no list to update, and when the young generation
 * is full it becomes the old one and the oldest is dropped whole. A value read from the old
 * generation moves back to the young one, so what requests keep reading stays, as in an LRU.
 * At most `max` entries in all (half per generation).
 */
export class RecentlyUsed<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly half: number;

  constructor(max: number) {
    this.half = Math.max(1, Math.floor(max / 2));
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.half && !this.young.has(key)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries held, counting a value held in both generations twice. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}

/** `compute` remembered in a RecentlyUsed of `max` entries: what requests keep reading stays. */
export function rememberedWhileUsed<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const recent = new RecentlyUsed<K, V>(max);
  return (key) => {
    let value = recent.get(key);
    if (value === undefined) {
      value = compute(key);
      recent.set(key, value);
    }
    return value;
  };
}
