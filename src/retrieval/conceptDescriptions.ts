import { reverseDictionary } from "./conceptDefinitions.js";
import descriptionData from "./conceptDescriptions.json" with { type: "json" };

/**
 * A second reverse dictionary beside the definitions (conceptDefinitions.ts): each concept as a
 * learner who does not know its name would describe it, ask for it or say what they want it for
 * ("让AI回答之前先去我们自己的文档里翻一翻", "freeze the original network and only train two tiny
 * add-on pieces"). Two helpers wrote them blind, each for half of the concepts, seeing only the
 * concepts' names (conceptDescriptions.json; tests/eval/README.md "Session 15"). Matched apart from
 * the definitions, with their own idf: joined to the definitions as one text per concept, they
 * moved the units' weights so that 128 tune questions lost their definition's concept and 67 got
 * another, and ranking lost 26 hits for 34 (apart, as here: 3 for 24).
 *
 * Retrieval's ranking searches the described concept's names (questionExpansions.ts), but the
 * descriptions share everyday words with off-topic questions (股票, 简历): the evidence an answer's
 * confidence reads is taken from the ranking without those names (HybridRetriever.ts), so a match
 * never raises the evidence. Its names found in the top passages make a refusal low
 * (questionJudge.ts expansionsFound), which still counts an unanswerable question as caught.
 */
/**
 * The concept a question describes in a learner's description's words, if one does clearly enough.
 * A word and its part (哪几个 and 哪几, 玩意儿 and 玩意) count once: otherwise one colloquial word a
 * description happens to use is two shared units (tune: hits +24 / −3 against +23 / −7).
 */
export const describedByLearner = reverseDictionary(descriptionData.entries, { nestedOnce: true });
