/**
 * `compute` with its recent results remembered, for up to `max` keys: when full it starts over
 * rather than keeping LRU order, since the hot path should cost one lookup. For pure functions of
 * their key that questions repeat (a word's stem, a short text's Simplified form).
 */
export function recentlyComputed<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const recent = new Map<K, V>();
  return (key) => {
    let value = recent.get(key);
    if (value === undefined) {
      value = compute(key);
      if (recent.size >= max) recent.clear();
      recent.set(key, value);
    }
    return value;
  };
}
