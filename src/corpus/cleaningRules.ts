/**
 * Every cleaning rule, as data. cleaning.ts only interprets these; to teach the cleaner a new
 * kind of noise, add an entry here (and a fixture under tests/fixtures/corpus/cleaning/).
 */

/** A whole line that carries no content: it is replaced by an empty line. */
export interface LineRule {
  id: string;
  why: string;
  pattern: RegExp;
}

/** Noise embedded inside an otherwise useful line: the matched text is cut out. */
export interface InlineRule {
  id: string;
  why: string;
  /** Must have the global flag. */
  pattern: RegExp;
}

/** A phrase typical of the promotional / paywall blocks blog platforms append to articles. */
export interface PromoMarker {
  id: string;
  pattern: RegExp;
}

/** Markdown image; the alt text may itself contain one level of brackets (`![a[1].png](…)`). */
const MARKDOWN_IMAGE = String.raw`!\[(?:[^\[\]]|\[[^\]]*\])*\]\([^)]*\)`;

export const LINE_RULES: readonly LineRule[] = [
  {
    id: "image-only",
    why: "a line holding only images has no text to retrieve",
    pattern: new RegExp(String.raw`^\s*(?:${MARKDOWN_IMAGE}\s*)+$`),
  },
  {
    id: "html-image-only",
    why: "same as image-only, for raw <img> tags",
    pattern: /^\s*(?:<img\b[^>]*>\s*)+$/i,
  },
  {
    id: "image-placeholder",
    why: "CSDN and similar editors leave a caption placeholder where an image was",
    pattern: /^\s*(?:在这里插入图片描述|请在此添加图片描述|图片描述|image|图片)\s*$/i,
  },
  {
    id: "promo-teaser",
    why: "a short line pointing at a giveaway at the end of the article (领取方式在文末) says nothing about the article",
    pattern: /^\s*(?:资料)?(?:领取|获取)(?:方式|方法|链接)?(?:见|在)文末\S{0,4}\s*$/,
  },
];

export const INLINE_RULES: readonly InlineRule[] = [
  {
    id: "image-placeholder",
    why: "the placeholder is sometimes glued to the next sentence",
    pattern: /在这里插入图片描述|请在此添加图片描述/g,
  },
  {
    id: "inline-image",
    why: "images inside a sentence keep the sentence, lose the image markup",
    pattern: new RegExp(MARKDOWN_IMAGE, "g"),
  },
];

/** A publishing platform whose editor leaves its own mark in every post written with it. */
export interface EditorTrace {
  platform: string;
  why: string;
  pattern: RegExp;
}

/**
 * Where a copied post was written, told by what its editor left in it (before cleaning cuts it
 * out): a learner calls it "the CSDN one" though no line says where it was published. A platform
 * only linked to from the text (a CSDN article a roadmap recommends) is no origin: that is why
 * these are the editors' marks, not the hosts' names.
 */
export const EDITOR_TRACES: readonly EditorTrace[] = [
  { platform: "csdn", why: "CSDN's Markdown editor writes 在这里插入图片描述 as every image's default caption", pattern: /在这里插入图片描述/ },
];

/**
 * Markers of the promotional tail. A tail is only cut when several of these cluster at the very
 * end of a document, so a single technical mention (a "扫码支付" case study) never triggers it.
 */
export const PROMO_MARKERS: readonly PromoMarker[] = [
  { id: "claim-materials", pattern: /领取|无偿分享|免费分享|资料包|文末/ },
  { id: "qr-code", pattern: /二维码|扫码|扫描下方|扫一扫|qr\s*code/i },
  { id: "red-packet", pattern: /红包/ },
  { id: "payment", pattern: /余额|充值|实付|需支付|支付金额|抵扣说明|付费专栏|购买\s*VIP/i },
  { id: "contact", pattern: /(?:^|[^A-Za-z])(?:vx|wx|V信)(?:[^A-Za-z]|$)|加微信|微信号|公众号|私信我|V扫描/i },
  { id: "platform-footer", pattern: /成就一亿技术人|点赞收藏|一键三连|打赏|关注博主|评论区留言/ },
  { id: "english-promo", pattern: /\bscan the qr\b|\bbuy me a coffee\b|\bsubscribe (?:to|for) (?:my|our)\b|\bdownload (?:the )?free\b/i },
];

/** Tuning of the promotional-tail detector; see findPromotionalTail. */
export const PROMO_TAIL = {
  /** At least this many marker lines make a block promotional. */
  minMarkerLines: 3,
  /** Marker lines further apart than this many non-empty lines belong to different blocks. */
  maxGapLines: 20,
  /**
   * Nor do marker lines with this much other text between them: a promotional block is marker
   * lines among short captions, while a "领取方式在文末" teaser can sit above whole sections of
   * the article that belong in the index.
   */
  maxProseCharsBetweenMarkers: 200,
  /** The block must reach this close to the end (non-empty lines after its last marker). */
  maxLinesAfterLastMarker: 6,
  /** The block may not start in the first part of the document (fraction of non-empty lines). */
  earliestStart: 0.3,
  /** Short heading-like lines directly above the first marker ("零基础如何学习AI大模型") belong to the block. */
  maxLeadInLines: 2,
  maxLeadInChars: 30,
} as const;
