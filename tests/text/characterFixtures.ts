/**
 * What the tests of the pattern readers (ignoreCaseTest.ts, patternStarts.ts) feed them: every
 * character, and patterns whose matches sit next to word boundaries, case folds, negated classes,
 * lookbehinds and Chinese: where a reader that skips work could go wrong.
 */

/** Every character of the Basic Multilingual Plane, lone surrogates included, and a few astral ones. */
export function everyCharacter(): string[] {
  const all: string[] = [];
  for (let code = 0; code <= 0xffff; code++) all.push(String.fromCharCode(code));
  all.push("😀", "𝐀", "𐐀", "𐐨", "𠀀");
  return all;
}

export const TRICKY_PATTERNS: readonly RegExp[] = [
  /\bsize\b|kit|\bwon\b/iu,
  /which\s+[a-z]{1,8}\s+k/iu,
  /\w{3}er\b/iu,
  /a[^?？]{0,1}b/iu,
  /(?<![哪好])几\s*个?\s*[A-Za-z]+/iu,
  /版本|\bversions?\b|\bv\d/iu,
];

/** Texts that put `c` beside the words of TRICKY_PATTERNS: inside a word, after it, in place of a letter. */
export function textsAround(c: string): string[] {
  return [`${c}ize`, `si${c}e`, `${c}it`, `which size ${c}`, `a${c}b`, `${c}${c}ner`, `几个${c}`];
}
