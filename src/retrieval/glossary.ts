import glossaryData from "./glossary.json" with { type: "json" };

/** One concept of the field, named in both languages (see glossary.json). */
export interface GlossaryEntry {
  en: readonly string[];
  zh: readonly string[];
  /** Narrower or broader terms that help recall but are not synonyms (LoRA → 参数高效微调). */
  related: readonly string[];
}

/** A glossary term found in a text. `start`/`end` index the original text. */
export interface GlossaryMatch {
  surface: string;
  start: number;
  end: number;
  entries: readonly GlossaryEntry[];
}

interface RawEntry {
  en: string[];
  zh: string[];
  related?: string[];
}

export const GLOSSARY: readonly GlossaryEntry[] = (glossaryData.entries as RawEntry[]).map((raw) =>
  Object.freeze({ en: Object.freeze([...raw.en]), zh: Object.freeze([...raw.zh]), related: Object.freeze([...(raw.related ?? [])]) }),
);

interface TermIndexEntry {
  /** Lowercased term. */
  key: string;
  entries: GlossaryEntry[];
}

/** Every term once (lowercased), longest first, so scanning finds the longest match at a position. */
const TERMS: readonly TermIndexEntry[] = (() => {
  const byKey = new Map<string, GlossaryEntry[]>();
  for (const entry of GLOSSARY) {
    for (const term of [...entry.en, ...entry.zh]) {
      const key = term.toLowerCase();
      const list = byKey.get(key) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byKey.set(key, list);
    }
  }
  return [...byKey.entries()].map(([key, entries]) => ({ key, entries })).sort((a, b) => b.key.length - a.key.length);
})();

/**
 * TERMS grouped by first character, each group keeping TERMS' order (longest first): a scan
 * reads only the terms that can start at a position instead of every term. Keys are compared
 * by UTF-16 unit, as `startsWith` does.
 */
const TERMS_BY_FIRST_UNIT: ReadonlyMap<string, readonly TermIndexEntry[]> = (() => {
  const groups = new Map<string, TermIndexEntry[]>();
  for (const term of TERMS) {
    const first = term.key[0];
    if (first === undefined) continue;
    const group = groups.get(first) ?? [];
    group.push(term);
    groups.set(first, group);
  }
  return groups;
})();

const WORD_CHAR = /[a-z0-9]/i;

/**
 * Glossary terms in a text: longest match first, left to right, non-overlapping; latin matching
 * is case-insensitive and only on word boundaries ("RAG" in "RAG是什么" but not in "storage").
 */
export function findGlossaryMatches(text: string): GlossaryMatch[] {
  const lower = text.toLowerCase();
  const matches: GlossaryMatch[] = [];
  let position = 0;
  while (position < lower.length) {
    const candidates = TERMS_BY_FIRST_UNIT.get(lower[position] ?? "");
    const found = candidates?.find((term) => lower.startsWith(term.key, position) && onWordBoundaries(lower, position, term.key));
    if (found) {
      const end = position + found.key.length;
      matches.push({ surface: text.slice(position, end), start: position, end, entries: found.entries });
      position = end;
    } else {
      position++;
    }
  }
  return matches;
}

function onWordBoundaries(text: string, start: number, key: string): boolean {
  const before = text[start - 1];
  const after = text[start + key.length];
  if (WORD_CHAR.test(key[0] ?? "") && before !== undefined && WORD_CHAR.test(before)) return false;
  if (WORD_CHAR.test(key[key.length - 1] ?? "") && after !== undefined && WORD_CHAR.test(after)) return false;
  return true;
}

/** All names of an entry's concept, both languages, then its related terms. */
export function termsOf(entry: GlossaryEntry, options: { related?: boolean } = {}): string[] {
  return [...entry.en, ...entry.zh, ...(options.related === false ? [] : entry.related)];
}
