import { AFTER_POSTPOSITIONS, FINISHING_VERBS } from "../text/questionCues.js";
import { escapeRegExp } from "../text/escapeRegExp.js";
import type { TermGroup } from "./abstention.js";
import { occurrences } from "./outsideQualifier.js";

/**
 * The question's term groups less those written only in a clause of what the learner will have
 * finished, when the subject outside the field is asked after it: "学完这些大模型的东西以后想去考多益",
 * "after I finish the LLM course, which guitar should I buy?". The field's words there (大模型, LLM)
 * are where the learner leaves from, as a digression's are (digression.ts); what is asked is the
 * subject after it, and a passage holding them says nothing of it. A question whose subject sits
 * inside that clause ("学完雅思以后学什么") is left whole.
 *
 * Read only against a subject outside the field (outsideSubjects.ts), as outsideQualifier.ts is.
 * `query` is the Simplified text the subjects were read from.
 */
export function groupsBeyondFinishedClause(subjects: readonly string[], query: string, groups: readonly TermGroup[]): readonly TermGroup[] {
  if (subjects.length === 0) return groups;
  const text = query.toLowerCase();
  const clause = finishedClause(text);
  if (clause === undefined) return groups;
  const inside = (at: number, length: number) => at >= clause.start && at + length <= clause.end;
  const written = (word: string) => occurrences(text, word.toLowerCase());
  // The subject must be asked beyond the clause, not be what was finished.
  const subjectBeyond = subjects.some((subject) => written(subject).some((at) => !inside(at, subject.length)));
  if (!subjectBeyond) return groups;
  return groups.filter((group) => {
    const at = written(group.label);
    return at.length === 0 || !at.every((start) => inside(start, group.label.length));
  });
}

/** "学完 X 以后", "看完 X 之后": a finishing verb and its "after", with no clause break between. */
const FINISHED_ZH = new RegExp(
  `(?:${FINISHING_VERBS.map(escapeRegExp).join("|")})[^，。；！？,.;!?]*?(?:${[...AFTER_POSTPOSITIONS, "后"].map(escapeRegExp).join("|")})`,
  "u",
);
/** "after I finish X,", "after finishing X,", "once I'm done with X,": up to the comma that ends it. */
const FINISHED_EN =
  /\b(?:after|once)\s+(?:i\s+(?:finish|complete|learn|get\s+through|am\s+done\s+with)|i'm\s+done\s+with|finishing|completing|learning)\b[^,;.?!]*,/u;

function finishedClause(text: string): { start: number; end: number } | undefined {
  const match = FINISHED_ZH.exec(text) ?? FINISHED_EN.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}
