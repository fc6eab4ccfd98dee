import { GLOSSARY } from "./glossary.js";
import { listItems } from "./listItems.js";
import { questionDates } from "./roadmapProfile.js";

/**
 * The kinds of detail a question can ask for (a price, a date, a duration, a count, a person …)
 * and whether a passage's text holds one: what a question asks is read by its class, not by its
 * wording. confidence.ts marks an answer low when the passages about its subject hold none;
 * the offline answer prefers the sentence that holds it.
 */
export type DetailKind =
  | "price"
  | "date"
  | "version"
  | "duration"
  | "setting"
  | "count"
  | "organization"
  | "speed"
  | "setup"
  | "person"
  | "size"
  | "certificate"
  | "hardware"
  | "frequency"
  | "country"
  | "result"
  | "changes"
  | "score"
  | "download"
  | "dataset"
  | "comparison"
  | "name";

interface DetailRule {
  kind: DetailKind;
  /** The question asks for this kind of detail (Simplified and Traditional Chinese, English). */
  asked: RegExp;
  /** A passage holds a token of that kind. */
  present: RegExp;
}

const CN_NUMBER = "[0-9０-９一二三四五六七八九十两兩半几幾]";
const DETAIL_RULES: DetailRule[] = [
  {
    kind: "price",
    asked:
      /多少钱|多少錢|价格|價格|价钱|價錢|费用|費用|收费|收費|计费|計費|\bbilling\b|\bbilled\b|\bpricing\b|学费|學費|售价|售價|要钱|要錢|付费|付費|免费吗|免費嗎|奖金|獎金|\bprize\b|\bprice\b|\bcosts?\b|\bfees?\b|how much (?:is|does|do|will)|\bpaid\b|for free|\b(?:is|are)\s+(?:it|they|this|that|these|the\s+\w+)\s+free\b|\bfree or (?:not|paid)\b/i,
    // A salary is given in 万/千/k (月薪 5-6 万, 30k).
    present:
      /[¥￥$€£]\s*\d|\d\s*(?:元|块|塊|美元|美金|刀|rmb|usd|dollars?|万|萬|千|k\b)|免费|免費|付费|付費|收费|收費|\bfree\b|\bpaid\b|价格|價格|\bprice/i,
  },
  {
    kind: "date",
    asked:
      /(?<!决定|決定|判断|判斷|知道|选择|選擇|考虑|考慮|明白|清楚|学会|學會|懂得)(?:什么时候|什麼時候)(?!\s*(?:该|該|应该|應該|适合|適合|需要|要用|用|开始学|開始學))|哪一?年|几几年|幾幾年|何时|何時|哪天|几月|幾月|日期(?![^？?，,。]{0,4}\d{4})|哪个时间|發布於|发布于|\bwhen\s+(?:is|was|are|were|did|does|do|will|would|should|can|could)\b|what year|which year|\bdate\b(?!d)|\b(?:published|released?)\s+(?:in|on|when)\b|\brelease date\b/i,
    present:
      /(?:19|20)\d{2}\s*(?:年|[-/.]\d)|\b(?:19|20)\d{2}\b|\b(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b|\d{1,2}\s*月\s*\d{0,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i,
  },
  {
    kind: "version",
    asked: /哪个版本|哪個版本|版本号|版本號|什么版本|什麼版本|哪一版|\bversions?\b|\bv\d/i,
    present:
      /\bv\d|\d+\.\d+(?:\.\d+)?|版本\s*[0-9一二三四五六七八九十]|第\s*[0-9一二三四五六七八九十]+\s*版|\bversion\s*\d|\d+(?:st|nd|rd|th) edition/i,
  },
  {
    kind: "duration",
    asked:
      /多久|多长|多長|多少时间|多少時間|几个?小时|幾個?小時|几天|幾天|几周|幾週|幾周|几个月|幾個月|几年|幾年|多少天|多少小时|多少小時|多少\s*(?:时数|時數|学时|學時|课时|課時)|how long|how many (?:days|weeks|months|hours|years)|多少\s*(?:hours?|days?|weeks?|months?)/i,
    // A year (2024年) or the month of a date (2024年9月) is when, not how long.
    present: new RegExp(
      `(?<![0-9０-９年])(?!(?:19|20)\\d{2}\\s*(?:年|[-/.]))${CN_NUMBER}+\\s*(?:[-~～到至]\\s*${CN_NUMBER}+\\s*)?(?:个月|個月|月|周|週|天|日|年|小时|小時|星期)|\\d+\\s*(?:-\\s*\\d+\\s*)?(?:weeks?|months?|days?|hours?|years?)`,
      "i",
    ),
  },
  {
    kind: "setting",
    asked:
      /设多少|設多少|设置成多少|設置成多少|设成多少|設成多少|设为多少|設為多少|取多少|调到多少|調到多少|超参|超參|学习率|學習率|learning rate|batch size|hyper-?parameters?|what value|which value|set (?:it )?to what|\b(?:what|which)\s+(?:\w+\s+){0,2}(?:rank|alpha|epochs?|dropout|temperature|top[- ]?[pk])\b|(?:rank|秩|alpha|epochs?|dropout|温度|溫度)\s*(?:要|该|該|应该|應該)?\s*(?:设|設|取|选|選|用)?\s*(?:多少|多大|几|幾)/i,
    present:
      /(?:学习率|學習率|learning.?rate|batch.?size|\blr\b|epochs?|\brank\b|alpha|dropout|temperature|top[- ]?[pk]|温度|溫度|秩|超参数?|超參數?|hyper-?parameters?|参数|參數)[^。\n.;；]{0,24}\d/i,
  },
];

/**
 * Which of two tools is faster: answered only by a measurement (a ratio, a percentage, a rate or
 * a time), not by a passage that names both tools. "How do I make it faster" asks for methods
 * and is not this kind.
 */
DETAIL_RULES.push({
  kind: "speed",
  asked:
    /(?:哪个|哪個|哪一个|哪一個|谁|誰)[^？?。，,]{0,12}(?:更快|快一些|快些|速度更|比较快|比較快|较快|較快)|\bwhich\b[^?.]{0,40}\bfaster\b|\bfaster\b[^?.]{0,40}\bor\b/i,
  present: /\d+(?:\.\d+)?\s*(?:倍|x\b|×|%|tokens?\s*\/\s*s|it\/s|ms\b|毫秒|秒)|(?:快|提升|加速|speed-?up)\s*(?:了\s*)?\d/i,
});

/**
 * How to install or configure something: answered only by passages that give setup steps (安装,
 * 配置, install, pip …); a roadmap that names the tool does not say how to set it up.
 */
DETAIL_RULES.push({
  kind: "setup",
  asked:
    /(?:咋|怎么|怎麼|如何|怎样|怎樣)[^？?。，,！!]{0,8}?(?:安装|安裝|装|裝|配置|设置|設置)|\bhow\s+(?:do\s+i|to|can\s+i|should\s+i)\s+(?:install|configure|set\s+up)\b/iu,
  present: /安装|安裝|配置|设置|設置|\binstall|\bconfigur|\bset\s*up\b|\bpip\s|\bnpm\s|\bbrew\s|\bapt(?:-get)?\s|docker\s+run/iu,
});

/** Who made or publishes something: a company, a publisher, a university. */
DETAIL_RULES.push({
  kind: "organization",
  asked:
    /出版社|哪家公司|哪个公司|哪個公司|哪家机构|哪家機構|哪所大学|哪所大學|which (?:company|publisher|university|lab|organi[sz]ation)|what (?:company|publisher|university)|\baffiliated\b|\bpublisher\b/i,
  present: /出版社|出版|公司|大学|大學|研究院|实验室|實驗室|\bpress\b|\bpublish|\bcompany\b|\binc\.|\buniversity\b|\binstitute\b|\blab\b/i,
});

/**
 * Who teaches, wrote or gave something: answered only by a person (a name the glossary knows as a
 * person, a name in brackets after a title, "by First Last") or a role (作者, 创始人, 老师, founder).
 * A roadmap that lists a course or a book without its teacher or author does not say who.
 * "谁更快" compares (the speed and comparison checks) and "who is it for" asks the audience.
 */
DETAIL_RULES.push({
  kind: "person",
  asked:
    /(?:是|由)\s*(?:谁|誰)|(?:谁|誰)\s*(?:在\s*)?(?:讲|講|写|寫|教|做|开|開|主讲|主講|出的|维护|維護|提出|发明|發明|创办|創辦)|哪位|作者是|\bwho\s+(?:is|was|are|were|teaches|taught|wrote|writes|made|makes|created|gave|gives|runs|maintains|presented|presents|invented|proposed|founded)\b(?![^?]*\bfor\s*\?)|\bwhich\s+(?:professor|teacher|instructor|lecturer|person)\b/i,
  present: new RegExp(
    [
      "作者|创始人|創始人|创办人|創辦人|老师|老師|教授|讲师|講師|主讲|主講|博士|研究员|研究員|up主",
      "\\b(?:co-?)?founder\\b|\\bauthors?\\b|\\bprofessor\\b|\\blecturer\\b|\\bresearcher\\b",
      "《[^》]{1,40}》\\s*[（(][^）)\\d]{2,24}[）)]",
      "\\bby\\s+[A-Z][a-z]+\\s+[A-Z][a-z]+",
      ...personNames(),
    ].join("|"),
    "iu",
  ),
});

/**
 * Which GPU or card something needs (哪款显卡, GPU 型号, which GPU): answered only by a card's name
 * (A100, RTX 4090, T4) or a memory size; "GPU 资源" or "算力" says nothing about which.
 */
DETAIL_RULES.push({
  kind: "hardware",
  asked:
    /(?:哪款|哪个|哪個|哪种|哪種|哪些|什么|什麼)\s*(?:型号|型號)?\s*(?:的)?\s*(?:显卡|顯卡|gpu|卡)|(?:显卡|顯卡|gpu)\s*(?:型号|型號)|\bwhich\s+(?:gpus?|graphics cards?|cards?)\b|\bwhat\s+(?:gpus?|graphics cards?)\b|(?:什么|什麼|哪种|哪種|多高|多少)\s*(?:的)?\s*(?:规格|規格|配置)|最低(?:要|需要)?(?:什么|什麼)?(?:规格|規格|配置)|硬件要求|硬體要求|\b(?:minimum|system|hardware)\s+(?:specs?|requirements)\b|\bwhat\s+specs?\b/i,
  // A card's model, its memory, or a machine's cores and memory.
  present:
    /\b(?:[ahlv]\d{2,3}|t4|rtx\s*\d{4}|gtx\s*\d{3,4}|tesla|\d{4}\s*ti)\b|\d+\s*(?:gb|g)\s*(?:显存|顯存|vram|memory|内存|內存|ram)|\d+\s*(?:核|cores?|vcpus?)\b/i,
});

/**
 * Whether a course gives a certificate (结业证书, certificate): answered only by a passage that
 * names one; a roadmap that lists the course does not say.
 */
DETAIL_RULES.push({
  kind: "certificate",
  asked: /证书|證書|结业证|結業證|\bcertificates?\b|\bcertification\b|\bcertified\b/i,
  present: /证书|證書|结业|結業|认证|認證|\bcertificat|\bcertified\b/i,
});

/**
 * How often something happens (how often, 多久一次, 频率): answered by a rate (每周, weekly, every
 * month, 一月一次), not by a length of time.
 */
DETAIL_RULES.push({
  kind: "frequency",
  asked: /\bhow\s+(?:often|frequently)\b|多久[^，,。？?！!]{0,4}一次|每隔多久|多常|频率|頻率/iu,
  present:
    /每\s*(?:[天日周週月年]|[一二两兩三四五六七八九十\d]+\s*(?:天|日|周|週|个?月|個?月|年))|每隔|[一二两兩三四五六七八九十\d]\s*(?:天|周|週|个月|個月|年)\s*[一二两兩三\d]\s*次|\b(?:daily|weekly|monthly|yearly|annually|biweekly)\b|\bevery\s+(?:\w+\s+)?(?:day|week|month|year)s?\b|\b(?:once|twice)\s+a\b/iu,
});

/**
 * Which country someone or something is from (哪国人, which country): answered by a country's name
 * (or 国内/海外); a paper's title or an author's name does not say.
 */
DETAIL_RULES.push({
  kind: "country",
  asked: /哪(?:个|個|一个|一個)?(?:国家|國家|国|國)|\b(?:which|what)\s+country\b|\bnationality\b/iu,
  present:
    /中国|中國|美国|美國|英国|英國|法国|法國|德国|德國|日本|韩国|韓國|加拿大|新加坡|印度|以色列|瑞士|荷兰|荷蘭|澳大利亚|澳大利亞|澳洲|国内|國內|国外|國外|海外|\b(?:China|USA|U\.S\.|United States|America|UK|Britain|England|France|Germany|Japan|Korea|Canada|Singapore|India|Israel|Switzerland|Netherlands|Australia)\b/u,
});

/**
 * Who won or how someone placed (第一名, 冠军, the winner, which place): answered only by a passage
 * that gives a result; one that lists the competition does not say who won it.
 */
DETAIL_RULES.push({
  kind: "result",
  asked:
    /第一名|第[一二三]名|冠军|冠軍|亚军|亞軍|获胜|獲勝|获奖|獲獎|名次|排第几|\bwinners?\b|\bwon\b|\bwinning (?:team|solution|entry)\b|\b(?:1st|first|top) place\b|\bleaderboard\b/iu,
  present:
    /第[一二三\d]名|冠军|冠軍|亚军|亞軍|获胜|獲勝|获奖|獲獎|名次|\bwinners?\b|\bwon\b|\bwinning\b|\b(?:1st|2nd|3rd|first|second|third) place\b|\btop \d+\b/iu,
});

/**
 * What an update or a new version changed (改了哪些, 更新了什么, what changed): answered only by a
 * passage that lists changes; a date of the last update says when, not what.
 */
DETAIL_RULES.push({
  kind: "changes",
  asked:
    /(?:改|更新|变|變)了(?:哪些|什么|什麼|啥)|改动|改動|变更|變更|更新内容|更新內容|\bwhat (?:changed|was (?:changed|updated|added))\b|\bchangelog\b|\brelease notes\b/iu,
  present: /新增|修改|改动|改動|变更|變更|更新内容|更新內容|更新说明|更新說明|\bchangelog\b|\b(?:added|removed|changed|fixed)\b/iu,
});

/**
 * How well something scores (准确率多少, 多少分, what accuracy, which F1): answered only by a
 * measured value, a percentage or a metric's number; a passage that describes the project or
 * names the benchmark does not say what it reaches.
 */
DETAIL_RULES.push({
  kind: "score",
  asked:
    /(?:准确率|準確率|正确率|正確率|召回率|精确率|精確率|得分|分数|分數|F1)\s*(?:能|可以|会|會|大概|大约|大約)?\s*(?:有|是|达到|達到|到)?\s*(?:多少|多高|几|幾)|(?:多少|几|幾)\s*(?:准确率|準確率|正确率|正確率|分)(?![钟鐘])|\b(?:what|which)\s+(?:\w+\s+){0,2}(?:accuracy|score|f1|bleu|rouge|perplexity)\b|\bhow (?:accurate|high does)\b|\bpassing score\b/iu,
  present:
    /\d+(?:\.\d+)?\s*%|(?:准确率|準確率|正确率|正確率|召回率|得分|分数|分數|accuracy|score|f1|bleu|rouge|perplexity)[^。\n.;；]{0,16}\d|\d+\s*分(?![钟鐘])/iu,
});

/**
 * Where to download something (去哪儿下载, download link): answered only by a passage with a link
 * or a download; one that names the project or the data does not say where to get it.
 */
DETAIL_RULES.push({
  kind: "download",
  asked:
    /(?:哪|哪儿|哪里|哪裡|哪兒|在哪|去哪)\s*(?:能|可以|才能)?\s*(?:下载|下載)|(?:下载|下載)\s*(?:地址|链接|鏈接|連結)|\bwhere\b[^?？]{0,40}\bdownload\b|\bdownload\s+(?:link|page)\b/iu,
  present: /https?:\/\/|下载|下載|\bdownload/iu,
});

/**
 * Which dataset to use (哪个数据集, which dataset): answered only by a passage that names one (a
 * dataset, a corpus); one that describes the task does not say which data.
 */
DETAIL_RULES.push({
  kind: "dataset",
  asked: /(?:哪个|哪個|哪些|什么|什麼|啥)\s*(?:数据集|數據集|语料|語料)|\b(?:which|what)\s+(?:\w+\s+){0,2}(?:datasets?|corpus|corpora)\b/iu,
  present: /数据集|數據集|语料|語料|\bdatasets?\b|\bcorpus\b|\bcorpora\b/iu,
});

/**
 * How big a model, a memory or a degree of parallelism is (多大显存, 参数量, how big): answered only
 * by a number with a size unit (7B, 24 GB, 千亿, 8 张卡). "有多大帮助" asks how much it helps.
 */
DETAIL_RULES.push({
  kind: "size",
  asked:
    /多大\s*的?\s*(?:显存|顯存|内存|內存|模型|参数|參數|规模|規模|并行度|並行度|尺寸|数据量|數據量)|(?:有|要)\s*多大\s*[？?吗嗎呢啊]|参数量|參數量|\bhow\s+(?:big|large)\b|\b(?:which|what)\s+(?:model\s+)?sizes?\b|哪(?:个|個|种|種)\s*(?:尺寸|规模|規模|参数量级|參數量級)|\bhow much\s+(?:memory|vram|gpu memory)\b|\bhow many parameters\b|\bparameter count\b/i,
  present:
    /\d+(?:\.\d+)?\s*(?:[BMKT]\b|GB|G\b|TB|MB|亿|億|万|萬|billion|million|trillion)|[千百万萬]亿|\d+\s*(?:张|張|块|塊)\s*(?:卡|GPU|显卡|顯卡)/i,
});

/**
 * "How many X" / 多少X / 几X: the unit asked for (人, 页, bit, 参数, pages, experts …). A count is
 * present only as a number next to that unit, so a passage with some other number does not count.
 */
interface CountUnit {
  unit: string;
  latin: boolean;
  /** Things a roadmap enumerates (方向, 原则, 步): a list of them answers the count. */
  enumerable?: boolean;
}

function countUnitAsked(question: string): CountUnit | undefined {
  if (/百分之多少|多少\s*%|多少\s*比例|几成|幾成|what percent|\bpercentage\b/i.test(question)) return { unit: "%", latin: false };
  // 哪几/好几/这几 mean "which ones" / "several" / "these", 第几 "which (ordinal)", 只看几个/就几个
  // (also a verb apart: 只看几个例子), 短短几行/寥寥几句/区区几个 "just a few": not "how many".
  let zh = /(?<![哪好这這那第只就短寥区區])(?<![只就]\p{Script=Han})(?:多少|几|幾)\s*(个|個)?\s*([A-Za-z]+|\p{Script=Han}{1,6})/u.exec(
    question,
  );
  // 推荐几个 / 想 follow 几个: the object of a request is "a few", not "how many".
  if (zh && REQUEST_VERB_BEFORE.test(question.slice(0, zh.index))) zh = null;
  const noun = zh?.[2]?.split(/[的了呢吗嗎啊呀吧，,。？?！!、]/u)[0] ?? "";
  const first = Array.from(noun)[0];
  // "有几个跟 AI 有关": after the classifier comes a preposition or verb, not a noun; 个 is the unit.
  const unit = zh?.[1] && first && CLAUSE_WORD.test(first) ? "个" : /^[A-Za-z]/.test(noun) ? noun : first;
  if (unit && !/^[月年天周週久的了呢吗嗎啊呀钱錢]$/u.test(unit) && !/^(?:hours?|days?|weeks?|months?|years?)$/i.test(unit)) {
    const latin = /^[A-Za-z]/.test(unit);
    const enumerable = !latin && (ENUMERABLE_CLASSIFIER.test(noun) || ENUMERABLE_NOUN.test(noun));
    return { unit, latin, ...(enumerable ? { enumerable } : {}) };
  }
  const en = /\bhow many\s+([a-z]+)/i.exec(question);
  if (en?.[1] && !/^(days|weeks|months|hours|years)$/i.test(en[1])) return { unit: en[1].replace(/e?s$/i, ""), latin: true };
  return undefined;
}

/**
 * Things a roadmap enumerates, counted by listing them: by their classifier (几条, 几种, 几步, 几块)
 * or by the noun (几个方向, 几个阶段, 几个原则).
 */
const ENUMERABLE_CLASSIFIER = /^[条條种種类類步项項路招门門块塊点點]/u;
const ENUMERABLE_NOUN = /方向|阶段|階段|部分|原则|原則|方法|做法/u;

/** A verb of asking for some (推荐, 找, 订阅, follow) right before 几个. */
const REQUEST_VERB_BEFORE = /(?:推荐|推薦|找|订阅|訂閱|关注|關注|挑|选|選|列|列出|\bfollow|\bsubscribe to)\s*$/iu;

/** Characters that start a clause, not a noun: 跟/和/与 (with), 是 (is), 在 (at), 被, 能, 会 … */
const CLAUSE_WORD = /^[跟和与與同是在被能会會要有都就还還也]$/u;

/** The field's people the glossary names, as patterns (a Latin name only as a whole word: "Ng" is in "training"). */
function personNames(): string[] {
  return GLOSSARY.filter((entry) => entry.person).flatMap((entry) => [
    ...entry.en.map((name) => `\\b${escapeRegExp(name)}\\b`),
    ...entry.zh.map(escapeRegExp),
  ]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function countPresent(unit: CountUnit, texts: readonly string[]): boolean {
  const u = escapeRegExp(unit.unit);
  const pattern = unit.latin
    ? new RegExp(`\\d[\\d,.]*\\s*(?:[a-z-]+\\s+){0,2}${u}|${u}\\w*\\s*[:=：]?\\s*\\d`, "i")
    : unit.unit === "%"
      ? /\d\s*%|百分之/u
      : new RegExp(`[0-9０-９一二三四五六七八九十百千万萬亿億两兩]+\\s*%?\\s*(?:个|個)?\\s*${u}`, "u");
  // How many directions, principles or steps: a list of them answers by enumerating.
  if (unit.enumerable && texts.some((text) => listItems(text) !== undefined)) return true;
  return texts.some((text) => pattern.test(text));
}

const DURATION_UNITS: { asked: RegExp; present: string }[] = [
  { asked: /几个?小时|幾個?小時|多少(?:个)?小时|多少小時|\bhow many hours\b/i, present: "小时|小時|hours?|hrs?|h\\b" },
  { asked: /几天|幾天|多少天|\bhow many days\b/i, present: "天|日|days?" },
  { asked: /几周|幾週|幾周|几个星期|幾個星期|\bhow many weeks\b/i, present: "周|週|星期|weeks?" },
  { asked: /\bhow many months\b/i, present: "个月|個月|月|months?" },
  { asked: /\bhow many years\b/i, present: "年|years?" },
];

/**
 * A duration asked in a named unit ("how many hours per week", "几个小时") is present only as a
 * number with that unit: a passage giving months does not say how many hours.
 */
function durationUnitAsked(question: string): RegExp | undefined {
  const unit = DURATION_UNITS.find((u) => u.asked.test(question));
  return unit ? new RegExp(`${CN_NUMBER}+\\s*(?:[-~～到至]\\s*${CN_NUMBER}+\\s*)?(?:个|個)?\\s*(?:${unit.present})`, "i") : undefined;
}

/** What a duration's unit starts with (小时, 分钟, 星期, 个月 …), read as a count's unit. */
const TIME_UNIT_START = /^(?:[小时時分秒星周週天日月年钟鐘个個]|hours?|minutes?|days?|weeks?|months?|years?)$/iu;

const MONTH_ASKED = /几月|幾月|哪个月|哪個月|哪月|\b(?:which|what) month\b/i;
const MONTH_PRESENT =
  /(?<![0-9])(?:1[0-2]|0?[1-9]|[一二三四五六七八九十]|十[一二])\s*月(?!\s*[-~～到至])|(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/** The question without the words that ask for a kind of detail ("要花几个月", "how long"): what is left names the topic. */
export function withoutDetailQuestions(question: string): string {
  return askedEverywhere().reduce((text, pattern) => text.replace(pattern, " "), question);
}

/**
 * Each rule's `asked` pattern, global, made once (on first use, when every rule is in): the
 * evidence focus asks this of the question and of each of its terms, ~15 patterns each time.
 * A global pattern starts over at 0 in every replace, so one copy serves every call.
 */
let askedPatterns: readonly RegExp[] | undefined;

function askedEverywhere(): readonly RegExp[] {
  askedPatterns ??= DETAIL_RULES.map((rule) => new RegExp(rule.asked.source, `${rule.asked.flags.replace("g", "")}g`));
  return askedPatterns;
}

/**
 * The last question's kinds: one request asks this of the same question in retrieval, the
 * confidence check and the offline answer (each of ~15 patterns over the question).
 */
let lastAsked: { question: string; kinds: readonly DetailKind[] } | undefined;

/** The kinds of detail a question asks for (usually none, sometimes one). */
export function detailsAsked(question: string): DetailKind[] {
  if (lastAsked?.question !== question) lastAsked = { question, kinds: kindsAsked(question) };
  // A copy: callers may filter or push onto what they get.
  return [...lastAsked.kinds];
}

function kindsAsked(question: string): DetailKind[] {
  let kinds = DETAIL_RULES.filter((rule) => rule.asked.test(question)).map((rule) => rule.kind);
  // "多久更新一次" asks a rate, not a length of time.
  if (kinds.includes("frequency")) kinds = kinds.filter((kind) => kind !== "duration");
  // A parameter value already names its unit, and so does a duration (多少小时 is no count of
  // 小); any other count is checked too, beside a duration ("几集？每集多长").
  const unit = countUnitAsked(question);
  if (unit && !kinds.includes("setting") && !(kinds.includes("duration") && TIME_UNIT_START.test(unit.unit))) kinds.push("count");
  return kinds;
}

/** Whether any of the texts holds a token of that kind of detail (count: as asked in `question`). */
export function detailPresent(kind: DetailKind, texts: readonly string[], question = ""): boolean {
  if (kind === "duration") texts = withoutStatedDurations(texts, question);
  if (kind === "date") texts = withoutStatedMonths(texts, question);
  const unit = kind === "duration" ? durationUnitAsked(question) : undefined;
  if (unit) return texts.some((text) => unit.test(text));
  // "几月份发的" asks for a month: a year alone does not say it.
  if (kind === "date" && MONTH_ASKED.test(question)) return texts.some((text) => MONTH_PRESENT.test(text));
  if (kind === "count") {
    const unit = countUnitAsked(question);
    return unit === undefined || countPresent(unit, texts);
  }
  const rule = DETAIL_RULES.find((r) => r.kind === kind)!;
  return texts.some((text) => rule.present.test(text));
}

/** Dates and years in a passage: 2024-09-05, 2024年9月5日, 2024/9, 20240905, 2024. */
const TEXT_DATE = /(?<!\d)((?:19|20)\d{2})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*\d{1,2}\s*日?)?|(\d{2})\d{2}(?!\d))?/gu;

/**
 * "The post from September 2024 says …, by what year?": a date in the month the question states,
 * or that month's year alone, is what the question already gave (the post's own date), not the
 * date it asks for.
 */
function withoutStatedMonths(texts: readonly string[], question: string): readonly string[] {
  const months = new Set(questionDates(question));
  if (months.size === 0) return texts;
  const years = new Set([...months].map((m) => m.slice(0, 4)));
  return texts.map((text) =>
    text.replace(TEXT_DATE, (date, year: string, month?: string, compact?: string) => {
      const asked = month ?? compact;
      return (asked ? months.has(`${year}-${asked.padStart(2, "0")}`) : years.has(year)) ? " " : date;
    }),
  );
}

const STATED_DURATION = /(\d+(?:\.\d+)?)\s*(?:个|個)?\s*(小时|小時|hours?|天|days?|周|週|weeks?|月|months?|年|years?)/giu;

/**
 * "那 20 小时里，微调部分占几个小时": a length of time the question itself states is what it knows,
 * not its answer; the same number with the same unit in a passage does not count.
 */
function withoutStatedDurations(texts: readonly string[], question: string): readonly string[] {
  const stated = [...question.matchAll(STATED_DURATION)];
  if (stated.length === 0) return texts;
  const patterns = stated.map((m) => new RegExp(`(?<![\\d.])${m[1]!.replace(".", "\\.")}\\s*(?:个|個)?\\s*${unitClass(m[2]!)}`, "giu"));
  return texts.map((text) => patterns.reduce((t, pattern) => t.replace(pattern, " "), text));
}

function unitClass(unit: string): string {
  if (/小时|小時|hour/iu.test(unit)) return "(?:小时|小時|hours?)";
  if (/天|day/iu.test(unit)) return "(?:天|days?)";
  if (/周|週|week/iu.test(unit)) return "(?:周|週|weeks?)";
  if (/月|month/iu.test(unit)) return "(?:个月|個月|月|months?)";
  return "(?:年|years?)";
}
