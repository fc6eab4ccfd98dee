import { detailsAsked, type DetailKind } from "./detailKinds.js";

/**
 * The details a follow-up asks. Its standalone question carries the previous question along
 * ("roughly how long is it?" + "How much does the course cost?"): when the learner's own words
 * ask a detail of their own, that detail is what is asked, not the one carried ("how long", not
 * "how much"). A follow-up that asks none of its own ("and for the next stage?") asks the carried one.
 */
export function detailsAskedInTurn(standalone: string, learnersOwn: string | undefined): DetailKind[] {
  if (learnersOwn === undefined || learnersOwn === standalone) return detailsAsked(standalone);
  const own = detailsAsked(learnersOwn);
  return own.length > 0 ? own : detailsAsked(standalone);
}
