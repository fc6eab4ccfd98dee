import { toSimplified } from "../text/script.js";

/**
 * "清华大模型公开课第一季讲了什么" when the documents name only 第二季: a numbered variant (a season, an
 * edition, a volume, a generation) of a thing the documents name in another number is a thing they
 * never name. Read only for units the documents number somewhere: "第三版" where no document numbers
 * an edition asks of something this check cannot place, and is left to the other checks. Not 期 or
 * 段, which number a roadmap's own stages and phases.
 */
const NUMBERED = /第\s*([0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(季|版|届|部|册|卷|代)/gu;

const CHINESE_DIGITS = "一二三四五六七八九";

/** 1–99 from Arabic digits or Chinese numerals (一, 十二, 二十); NaN for anything else. */
function numberOf(numeral: string): number {
  if (/^[0-9]+$/u.test(numeral)) return Number(numeral);
  const digit = (c: string | undefined) => (c === "两" ? 2 : CHINESE_DIGITS.indexOf(c ?? "") + 1);
  const [a, b, c] = [...numeral];
  if (numeral.length === 1) return a === "十" ? 10 : digit(a) || Number.NaN;
  if (numeral.length === 2) return a === "十" ? 10 + digit(b) : b === "十" ? digit(a) * 10 : Number.NaN;
  return b === "十" && digit(a) > 0 && digit(c) > 0 ? digit(a) * 10 + digit(c) : Number.NaN;
}

/** Each unit's numbers in the documents: 季 → {2} for "公开课第二季". */
export type NumberedUnits = ReadonlyMap<string, ReadonlySet<number>>;

/** The numbers the documents give each unit: read once per index (IndexResources.numberedUnits), not per question. */
export function numberedUnitsOf(documents: readonly string[]): NumberedUnits {
  const byUnit = new Map<string, Set<number>>();
  for (const text of documents)
    for (const [, numeral, unit] of toSimplified(text).matchAll(NUMBERED)) {
      const value = numberOf(numeral!);
      if (!Number.isNaN(value)) byUnit.set(unit!, (byUnit.get(unit!) ?? new Set()).add(value));
    }
  return byUnit;
}

/**
 * The numbered variants the question asks of ("第一季") that no document numbers so, in a unit some
 * document does number (第二季). `units` is read only when the question numbers something.
 */
export function numberedVariantsAbsent(question: string, units: () => NumberedUnits): string[] {
  const asked = [...toSimplified(question).matchAll(NUMBERED)];
  if (asked.length === 0) return [];
  const named = units();
  return asked
    .filter(([, numeral, unit]) => {
      const numbers = named.get(unit!);
      return numbers !== undefined && !numbers.has(numberOf(numeral!));
    })
    .map(([variant]) => variant);
}
