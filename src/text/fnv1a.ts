/**
 * 32-bit FNV-1a over UTF-16 code units: stable, fast, good enough spread for feature hashing
 * (LocalHashedEmbeddings.ts) and for noting keys in a table (perVersionCache.ts). From `start`,
 * the hash of a text this one follows: fnv1a(b, fnv1a(a)) === fnv1a(a + b).
 */
export function fnv1a(text: string, start = 0x811c9dc5): number {
  let hash = start;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
