/**
 * The plain definition the question's one walk (src/retrieval/questionScan.ts over
 * src/text/unitTrie.ts) must agree with, for the scan tests: at each position the longest key
 * (lowercased, compared by UTF-16 unit) that starts there on Latin word boundaries, left to right,
 * non-overlapping. Slow on purpose: nothing shared with the code under test.
 */
const WORD_CHAR = /[a-z0-9]/i;

function onWordBoundaries(text: string, start: number, key: string): boolean {
  const before = text[start - 1];
  const after = text[start + key.length];
  if (WORD_CHAR.test(key[0]!) && before !== undefined && WORD_CHAR.test(before)) return false;
  if (WORD_CHAR.test(key[key.length - 1]!) && after !== undefined && WORD_CHAR.test(after)) return false;
  return true;
}

export function plainTermScan(text: string, keys: readonly string[]): { surface: string; start: number; end: number }[] {
  const lower = text.toLowerCase();
  const found: { surface: string; start: number; end: number }[] = [];
  for (let position = 0; position < lower.length;) {
    let best = "";
    for (const key of keys)
      if (key.length > best.length && lower.startsWith(key, position) && onWordBoundaries(lower, position, key)) best = key;
    if (best) {
      found.push({ surface: text.slice(position, position + best.length), start: position, end: position + best.length });
      position += best.length;
    } else position++;
  }
  return found;
}
