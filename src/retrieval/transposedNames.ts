/**
 * "GTP系列", "主要靠 GUP 吗": a three-letter name whose two neighbouring letters are swapped is the
 * corpus's name misspelt (GPT, GPU), not a thing the documents never name. Longer words are read
 * by edit distance (typoCorrection.ts nearCorpusWord); at three letters one edit reaches too many
 * other names (SQL from SFT), but a swap keeps every letter of the name.
 */
export function swappedCorpusName(token: string, used: (token: string) => boolean): boolean {
  if (!/^[a-z]{3}$/.test(token)) return false;
  for (let i = 0; i + 1 < token.length; i++) {
    if (token[i] === token[i + 1]) continue;
    const swapped = `${token.slice(0, i)}${token[i + 1]}${token[i]}${token.slice(i + 2)}`;
    if (used(swapped)) return true;
  }
  return false;
}
