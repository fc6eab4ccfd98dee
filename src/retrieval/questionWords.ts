import { isEverydayWord } from "../text/everydayWords.js";
import { NEXT_CUES, PREVIOUS_CUES } from "../text/questionCues.js";
import { tokenizeForSearch } from "../text/tokenize.js";

/**
 * Words that shape a question without naming what it is about: sequence cues, question words,
 * pronouns and filler, in both languages. Topic extraction drops them and the evidence score
 * does not count them as content.
 */

export const ZH_FILLER: readonly string[] = [
  // Before/after cues: one vocabulary (text/questionCues.ts).
  ...NEXT_CUES.zh,
  ...PREVIOUS_CUES.zh,
  "什么样",
  "什么",
  "哪些",
  "哪一个",
  "哪个",
  "哪本",
  "哪里",
  "哪",
  "怎么办",
  "怎么样",
  "怎么",
  "怎样",
  "如何",
  "为什么",
  "是不是",
  "是否",
  "应该",
  "需要",
  "可以",
  "学习",
  "掌握了",
  "请问",
  "推荐",
  "一下",
  "继续",
  "我们",
  "你们",
  "大家",
  "一些",
  "东西",
  "内容",
  "该",
  "要",
  "能",
  "学",
  "读",
  "看",
  "我",
  "你",
  "的",
  "了",
  "吗",
  "呢",
  "吧",
  "啊",
  "是",
  "在",
  "再",
  "还",
  "请",
  "完",
  "后",
  "前",
  "有",
  "么",
  "去",
  "就",
  "都",
  "会",
  "和",
  "与",
  "或",
  "及",
  "呀",
  "先",
  "有没有",
  "哪里能",
  "看到",
  "用来",
  "值得",
  "大概",
  "整个",
  "按照",
  "要花",
  "多少",
  "几个",
  "一个",
  "常用",
  "办法",
  "区别",
  "不同",
  "主要",
  "最好",
  "最",
  "进入",
  "进到",
  "到了",
  "开始做",
  "开始学",
  "咋整",
  "咋",
  "啥",
  "呗",
  "哈",
  "嘛",
  // A learner's wish before what they want to do ("想做大模型应用，需要先学 Python 吗"): not what about.
  "想做",
  "想学",
  "想搞",
  "想要",
  // What a part covers (第三阶段讲啥, 再往后一个 stage 讲什么): asked, not what about.
  "讲",
  // Having understood a topic ("我已经把微调搞明白了，下一步呢"): how far the learner got, not what about.
  "已经",
  // A name asked ("下一个阶段叫什么名字"): what is asked of the topic, not the topic.
  "叫做",
  "叫",
  "名字",
  "名称",
  // How it went ("总算学完了", "差不多搞完了"): the learner's relief, not what about.
  "终于",
  "总算",
  "好不容易",
  "差不多",
  "基本上",
  "刚刚",
  "搞明白",
  "弄明白",
  "整明白",
  "搞清楚",
  "弄清楚",
  "搞懂",
  "弄懂",
  "学会",
];
export const EN_FILLER: ReadonlySet<string> = new Set(
  (
    "what what's whats which who how why when where should would could can shall will may might must do does did " +
    "i i'm i've me my we you your it its this that these those there is are was were be been am the a an to of in on " +
    "at for with from about into as and or but so if then next after afterwards before beforehand first following follows " +
    "follow comes come coming go move moving learn learning learned learnt study studying studied read reading know called named " +
    "knowing need needs want finish finished finishing done complete completed completing mastered master once " +
    "prerequisite prerequisites preceding precede precedes recommend recommended please tell explain " +
    "topic topics thing things stuff part any some other more much many most good best better make makes use used " +
    "using cover covers mention mentions mentioned get getting understand understanding must really way ways kind help " +
    "like something anything start started starting starts begin begins beginning began tackle tackling dive diving jump jumping " +
    "spend say says said find give show does previous prior earlier required needed kindly advise"
  ).split(" "),
);

/**
 * The tokens of a question that are not what it asks about, for a check that looks for its
 * subject: the words it asks with (`asking`, a global pattern of that check's own: 怎么, "which
 * model", 那篇) and its everyday words (自己, 用户, 做好).
 */
export function wordsBesideSubject(question: string, asking: RegExp): string[] {
  const askingTokens = tokenizeForSearch([...question.matchAll(asking)].map((m) => m[0]).join(" "));
  return [...askingTokens, ...tokenizeForSearch(question).filter(isEverydayWord)];
}

export function isFiller(word: string): boolean {
  return ZH_FILLER_SET.has(word) || isEnglishFiller(word);
}

/**
 * EN_FILLER.has(word.toLowerCase()), without lowercasing a word that cannot be one (every Chinese
 * token; lowercasing a two-byte string is a full Unicode pass and a new string). The English
 * filler words are ASCII, and the lowercase of any code point outside ASCII keeps a unit outside
 * it, except the Kelvin sign's (K → k): tests/retrieval/questionWords.test.ts checks both.
 */
function isEnglishFiller(word: string): boolean {
  if (EN_FILLER_IS_ASCII)
    for (let i = 0; i < word.length; i++) {
      const unit = word.charCodeAt(i);
      if (unit >= 0x80 && unit !== KELVIN_SIGN) return false;
    }
  return EN_FILLER.has(word.toLowerCase());
}

const KELVIN_SIGN = 0x212a;
const EN_FILLER_IS_ASCII = [...EN_FILLER].every((word) => /^[\x00-\x7f]*$/.test(word));
// A set: isFiller runs on every token of every question (topic, evidence, re-ranker), ~100 words long.
const ZH_FILLER_SET: ReadonlySet<string> = new Set(ZH_FILLER);
