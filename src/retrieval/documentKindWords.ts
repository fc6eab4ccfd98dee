/**
 * Words that name a kind of document (指南, 博客, roadmap, blog post): "那篇指南里专业深入阶段要多久",
 * "那篇部落格是哪一天发的". They say which text is asked about, not what in it: a detail asked is not
 * looked for beside them (questionEvidence.ts detailFocus), or a passage that happens to say 教程
 * becomes the only place the detail may be, and the stage's months or the post's date are not read.
 */
const DOCUMENT_KIND =
  /^(?:学习)?(?:指南|路线图?|路径|清单|文章|计划|规划|教程|博客|部落格|博文|帖子|笔记|方法论)$|^(?:roadmaps?|guides?|tutorials?|blogs?|(?:blog )?posts?|articles?|learning (?:path|roadmap)s?|study plans?|curriculum)$/iu;

/** Whether a term group's label only names a kind of document. */
export function namesDocumentKind(label: string): boolean {
  return DOCUMENT_KIND.test(label.trim());
}
