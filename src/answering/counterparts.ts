/**
 * "那缺点呢？" after "RAG 有什么优点？", "and the cons?" after "what are the pros of fine-tuning?": a
 * follow-up that names only the other side of what was asked asks the previous question of that
 * side. Pairs of opposite sides of a judgement, in both languages (either word may come first).
 */
const COUNTERPARTS: readonly (readonly [string, string])[] = [
  ["优点", "缺点"],
  ["优势", "劣势"],
  ["好处", "坏处"],
  ["长处", "短处"],
  ["最难", "最简单"],
  ["最多", "最少"],
  ["pros", "cons"],
  ["advantages", "disadvantages"],
  ["strengths", "weaknesses"],
  ["upsides", "downsides"],
  ["benefits", "drawbacks"],
  ["hardest", "easiest"],
];

/** Filler around a bare follow-up: 那 … 呢, "and the … ?", "what about …". */
const FILLER =
  /^(?:那么|那|还有|\s*(?:and|so|ok|okay|what about|how about)\b)?\s*(?:the\s+)?|\s*(?:呢|吗|又是什么|是什么|分别是什么)?\s*[?？。!！]*\s*$/giu;

function wordPattern(word: string): RegExp {
  return /^[a-z]/i.test(word) ? new RegExp(`\\b${word}\\b`, "iu") : new RegExp(word, "u");
}

/**
 * The previous question asked of the other side, when `question` names only that side and
 * `previous` asked of its counterpart; undefined otherwise.
 */
export function askedOfCounterpart(question: string, previous: string): string | undefined {
  const own = question.trim().replace(FILLER, "").trim().toLowerCase();
  for (const pair of COUNTERPARTS)
    for (const [side, other] of [pair, [pair[1], pair[0]] as const]) {
      if (own !== side.toLowerCase()) continue;
      const asked = wordPattern(other);
      if (asked.test(previous) && !wordPattern(side).test(previous)) return previous.replace(asked, side);
    }
  return undefined;
}
