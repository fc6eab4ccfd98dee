/**
 * `compute` with its recent results remembered, for up to `max` keys: when full it starts over
 * rather than keeping LRU order, since the hot path should cost one lookup. For pure functions of
 * their key that questions repeat (a word's stem, a short text's Simplified form).
 */
export interface RecentlyComputed<K, V> {
  (key: K): V;
  /** The remembered result for `key`, if any, without computing or remembering anything. */
  peek(key: K): V | undefined;
}

export function recentlyComputed<K, V>(max: number, compute: (key: K) => V): RecentlyComputed<K, V> {
  const recent = new Map<K, V>();
  const computed = (key: K): V => {
    let value = recent.get(key);
    if (value === undefined) {
      value = compute(key);
      if (recent.size >= max) recent.clear();
      recent.set(key, value);
    }
    return value;
  };
  return Object.assign(computed, { peek: (key: K) => recent.get(key) });
}
