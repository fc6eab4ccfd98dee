/**
 * "那第一部分具体包含哪些？" after "llm-course 分几个部分？", "which of those parts is about shipping
 * apps?" after "how is that course split up?": once a question asked how its topic is divided, a
 * follow-up that points at a part means a part of that topic, not a stage of a roadmap, even when
 * it says more than the part it means (a follow-up with words of its own otherwise stands alone).
 */

/** The previous question asks how its topic is divided into parts. */
const ASKS_PARTS =
  /分(?:为|成)?(?:几|多少)(?:个)?(?:部分|块|篇)|(?:几|哪几)(?:个)?(?:部分|块)|\b(?:split|divided|broken)\s+(?:up|into)\b|\bhow\s+(?:is|are)\s+(?:it|they|\w+)\s+(?:split|divided|organi[sz]ed|structured)\b|\b(?:what|which|how many)\s+parts\b/iu;

/** The follow-up points at one part (or the parts) by its place or with a demonstrative. */
const POINTS_AT_PART =
  /第\s*[一二三四五六七八九十\d]{1,2}\s*(?:个)?部分|[这那此哪](?:一|个|几)?(?:个)?部分|(?:最后|中间)(?:那|一|的)?(?:个)?部分|\b(?:those|these|the\s+(?:first|second|third|last|final|middle))\s+parts?\b|\bpart\s+(?:one|two|three|[1-9])\b|\bwhich\s+(?:of\s+(?:those|these|the)\s+)?parts?\b/iu;

/**
 * The follow-up with the question that divided its topic beside it, when `previous` asked how `topic` is divided and
 * `question` points at a part and does not name the topic itself; undefined otherwise.
 */
export function partOfPreviousTopic(question: string, previous: string, topic: string | undefined): string | undefined {
  if (topic === undefined || !ASKS_PARTS.test(previous) || !POINTS_AT_PART.test(question)) return undefined;
  if (question.toLowerCase().includes(topic.toLowerCase())) return undefined;
  // The whole previous question, not only its topic: the topic may be a description ("the GitHub
  // course with a star") that the rest of the question ("in the Sept 2024 post") pins down.
  return `${question} ${previous}`;
}
