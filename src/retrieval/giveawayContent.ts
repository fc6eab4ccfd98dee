import { gatedTest } from "../text/questionGate.js";

/**
 * "CSDN 那篇文末资料包里的路线图分几个阶段", "the interview questions in its resource pack": what a
 * post's giveaway holds (a 资料包 sent to whoever scans a QR code) is material outside the documents;
 * the post only advertises it, and its promotional tail is not indexed (corpus/cleaning.ts). A
 * question about the inside of such a pack is asked of nothing the answer can quote. Not a question
 * that names the post by its giveaway ("文末让人领资料包的那篇，第二阶段多久"): that asks of the post.
 */
const INSIDE_PACK =
  /(?:资料包|部署包|学习包|大礼包|礼包)\s*(?:里|里面|中|内|当中)|(?:资料包|部署包|礼包)\s*的(?!\s*(?:文章|那篇|博客|帖子|那份|那个帖子))|\b(?:in|inside|from)\s+(?:the|its|that|their|this)\s+(?:[\w'-]+\s+){0,3}(?:pack|bundle|giveaway|freebies?)\b|\b(?:pack|bundle|giveaway)'s\b/iu;

/** Whether the question asks what a giveaway pack holds. */
export const asksGiveawayContent = gatedTest(INSIDE_PACK);
