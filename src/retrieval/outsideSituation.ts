import { unitOfToken } from "./conceptDefinitions.js";

/**
 * Whether a subject outside the field is the learner's situation in a question about the field, or
 * what the question is about. A learner asks about the field from where they are: "getting a model
 * to run on a phone", "demo apps right in the browser", "像网购那样在线换衣服的系统". There the
 * field concept found in the learner's words (learnerConcept.ts: 端侧部署, Spaces, 虚拟试衣) is named
 * *through* the outside subject: the phone is where the model runs. A question about something else
 * ("考研的时候线性代数用哪本 textbook", "excel vlookup gives #N/A even tho the value is clearly there")
 * may still describe a concept in other words of it (线性代数 for 数学基础, "gives … clearly" for
 * prompt engineering), but not through its subject: the concept is beside what is asked, and says
 * nothing of it being about the materials (confidence.ts).
 *
 * `conceptWords` are the words that named the concept (wordsNamingLearnerConcept): learners' phrases
 * as written and a description's units (Chinese words, English "en:" stems). A Chinese subject is
 * held by a word containing it (文科 in 文科生), not by a word it contains: 设计 of 网页设计 is the
 * subject's own head (a compound names its kind last, as outsideQualifier.ts reads it), a web page's
 * design, not the field's; an English one when each of its
 * words' stems is a unit, or a phrase holds it whole.
 */
export function outsideSubjectIsSituation(subjects: readonly string[], conceptWords: readonly string[]): boolean {
  const units = new Set(conceptWords);
  const phrases = conceptWords.filter((word) => !word.startsWith("en:")).map((word) => word.toLowerCase());
  return subjects.some((subject) => (HAN.test(subject) ? heldInChinese(subject, phrases) : heldInEnglish(subject, units, phrases)));
}

const HAN = /\p{Script=Han}/u;

function heldInChinese(subject: string, words: readonly string[]): boolean {
  return words.some((word) => word.includes(subject));
}

function heldInEnglish(subject: string, units: ReadonlySet<string>, phrases: readonly string[]): boolean {
  const subjectUnits = subject
    .split(/\s+/)
    .map((word) => unitOfToken(word))
    .filter((unit) => unit !== undefined);
  if (subjectUnits.length > 0 && subjectUnits.every((unit) => units.has(unit))) return true;
  const whole = new RegExp(`(?:^|[^a-z])${subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:$|[^a-z])`);
  return phrases.some((phrase) => whole.test(phrase));
}
