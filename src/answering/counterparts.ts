/**
 * "那缺点呢？" after "RAG 有什么优点？" or "…有啥好处？", "and the cons?" after "what are the benefits of
 * fine-tuning?": a follow-up that names only the other side of what was asked asks the previous
 * question of that side. Learners pick any word of a side (好处 then 缺点), so each entry is two
 * sides of one judgement, each a set of words in both languages (either side may come first).
 */
const COUNTERPARTS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    ["优点", "优势", "好处", "长处", "益处", "pros", "advantages", "strengths", "upsides", "benefits", "merits"],
    ["缺点", "劣势", "坏处", "短处", "不足", "弊端", "缺陷", "cons", "disadvantages", "weaknesses", "downsides", "drawbacks"],
  ],
  [
    ["最难", "hardest"],
    ["最简单", "最容易", "easiest"],
  ],
  [["最多"], ["最少"]],
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
    for (const [sides, others] of [pair, [pair[1], pair[0]] as const]) {
      const side = sides.find((word) => word.toLowerCase() === own);
      if (side === undefined) continue;
      if (sides.some((word) => wordPattern(word).test(previous))) return undefined;
      const asked = others.map(wordPattern).find((pattern) => pattern.test(previous));
      return asked === undefined ? undefined : previous.replace(asked, side);
    }
  return undefined;
}
