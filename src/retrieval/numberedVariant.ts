import { toSimplified } from "../text/script.js";
import { parseNumber } from "./stageReference.js";

/**
 * "清华大模型公开课第一季讲了什么" when the documents name only 第二季: a numbered variant (a season, an
 * edition, a volume, a generation) of a thing the documents name in another number is a thing they
 * never name. Read only for units the documents number somewhere: "第三版" where no document numbers
 * an edition asks of something this check cannot place, and is left to the other checks. Not 期 or
 * 段, which number a roadmap's own stages and phases.
 */
const NUMBERED = /第\s*([0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(季|版|届|部|册|卷|代)/gu;

/** Each unit's numbers in the documents: 季 → {2} for "公开课第二季". */
export type NumberedUnits = ReadonlyMap<string, ReadonlySet<number>>;

/** The numbers the documents give each unit: read once per index (IndexResources.numberedUnits), not per question. */
export function numberedUnitsOf(documents: readonly string[]): NumberedUnits {
  const byUnit = new Map<string, Set<number>>();
  for (const text of documents)
    for (const [, numeral, unit] of toSimplified(text).matchAll(NUMBERED)) {
      const value = parseNumber(numeral!);
      if (value !== undefined) byUnit.set(unit!, (byUnit.get(unit!) ?? new Set()).add(value));
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
      const value = parseNumber(numeral!);
      return numbers !== undefined && (value === undefined || !numbers.has(value));
    })
    .map(([variant]) => variant);
}
