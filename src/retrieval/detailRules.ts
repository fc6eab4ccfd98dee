import { escapeRegExp } from "../text/escapeRegExp.js";
import { GLOSSARY } from "./glossary.js";

/**
 * The kinds of detail a question can ask for and, for each, how a question asks it and what in a
 * passage gives it: the table detailKinds.ts reads. A kind is a class of question (a price, a
 * date, a score), never a wording.
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
  | "place"
  | "result"
  | "score"
  | "download"
  | "dataset"
  | "loss"
  | "finding"
  | "legality"
  | "detection"
  | "precedence"
  | "chapter"
  | "comparison"
  | "name"
  | "stage"
  | "translation"
  | "margin"
  | "contact"
  | "source"
  | "forecast"
  | "license"
  | "code"
  | "exam"
  | "age"
  | "origin"
  | "occupation"
  | "instance"
  | "mechanism"
  | "address";

export interface DetailRule {
  kind: DetailKind;
  /** The question asks for this kind of detail (Simplified and Traditional Chinese, English). */
  asked: RegExp;
  /** A passage holds a token of that kind. */
  present: RegExp;
}

export const CN_NUMBER = "[0-9０-９一二三四五六七八九十两兩半几幾]";

/**
 * An amount of money asked by its noun and an amount word in one clause, in either order: "月薪能拿多少",
 * "预算大概要几万", "what's a realistic cloud budget", "how much is the salary" — the class, not a
 * list of its wordings.
 */
const MONEY_NOUN_ZH =
  "月薪|年薪|薪资|薪資|薪水|工资|工資|收入|待遇|价格|價格|价钱|價錢|费用|費用|学费|學費|预算|預算|成本|开销|開銷|花费|花費|报价|報價|售价|售價|租金";
const AMOUNT_ZH = "多少|几|幾|多高|多大|多贵|多貴";
const MONEY_NOUN_EN = "salar(?:y|ies)|wages?|pay|price|pricing|costs?|budget|fees?|charges?|subscription";
const AMOUNT_EN = "how much|what|realistic|typical|average|rough|ballpark|estimated?";
/** A figure's statistic before its noun (平均月薪, 一般工资): part of what is asked, not what it is asked of. */
const AMOUNT_QUALIFIER_ZH = "平均|一般|通常|大概|大约|大約|起步|起薪";
const MONEY_ASKED =
  `(?:(?:${AMOUNT_QUALIFIER_ZH})\\s*)?(?:${MONEY_NOUN_ZH})[^，,。？?！!；;]{0,10}?(?:${AMOUNT_ZH})|(?:${AMOUNT_ZH})[^，,。？?！!；;]{0,4}?(?:${MONEY_NOUN_ZH})` +
  // Time, tokens or memory between them budget something else ("how much time should I budget").
  `|\\b(?:${AMOUNT_EN})\\b(?:(?!\\b(?:time|tokens?|context|hours?|days?|weeks?|months?|memory|effort|error)\\b)[^.?!;,]){0,30}?\\b(?:${MONEY_NOUN_EN})\\b(?!\\s+(?:of\\s+)?(?:time|effort|attention))`;

/** A setting's value asked by the setting's name and an amount word: "timeout 要 set 多少", "what chunk size should I use". */
const SETTING_NOUN =
  "timeout|time-out|超时|超時|learning rate|学习率|學習率|batch size|epochs?|dropout|temperature|温度|溫度|top[- _]?[pk]|max[_ ]tokens|chunk[_ ]size|chunk[_ ]overlap|overlap|阈值|閾值|threshold|并发数|並發數|concurrency|window size|窗口大小|超参数?|超參數?|bit-?widths?|位宽|位寬|量化位数|量化位數";
const SETTING_ASKED = `(?:${SETTING_NOUN})[^，,。？?！!；;]{0,12}?(?:多少|多大|几|幾|什么值|什麼值)|\\b(?:what|which)\\s+(?:\\w+\\s+){0,2}?(?:${SETTING_NOUN})\\b[^.?!]{0,60}?\\b(?:use|set|pick|choose|should|recommends?|suggests?)\\b`;
export const DETAIL_RULES: DetailRule[] = [
  {
    kind: "price",
    // What was spent or what budget it takes ("how much did they spend on compute", 预算要抓多少,
    // 花了多少钱) asks a price too; "how much time did you spend" does not.
    asked: new RegExp(
      `${/多少钱|多少錢|价格|價格|价钱|價錢|费用|費用|收费|收費|计费|計費|\bbilling\b|\bbilled\b|\bpricing\b|学费|學費|售价|售價|要钱|要錢|交钱|交錢|掏钱|掏錢|付费|付費|免费吗|免費嗎|免[费費]的?\s*(?:[吗嗎么麼吧呀啊]|\bah\b|\bma\b)|(?:报名|報名|注册|註冊|参赛|參賽|会员|會員)[费費]|奖金|獎金|\bprize\b|\bprice\b|\bcosts?\b|\bfees?\b|how much (?:is|does|do|will)|\bhow much\s+(?!time\b|effort\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b)(?:[\w-]+\s+){0,8}?(?:spend|spent|pay|paid)\b|\bwhat(?:'s|\s+is|\s+was)?\s+(?:the\s+|a\s+|their\s+|his\s+|her\s+)?(?:(?!time\b|tokens?\b|context\b|hours?\b|memory\b|error\b)\w+\s+)?budget\b|\bhow\s+(?:big|large|much)\s+(?:of\s+)?a\s+budget\b|(?:预算|預算)[^，,。？?！!]{0,6}(?:多少|几|幾|多高|多大)|花(?:了|费|費|掉)?\s*(?:多少|几|幾)\s*(?:钱|錢|块|塊|百|千|万|萬)|\bpaid\b|(?:平均\s*)?(?:月薪|年薪|薪资|薪資|薪水|工资|工資|待遇)\s*(?:(?:又|还|還|则|則|现在|現在|目前|大概|大约|大約|平均|一般)\s*){0,3}(?:是|有|能有)?\s*(?:多少|几|幾|多高)|\bsalar(?:y|ies)\b|\bwhat\s+(?:do|does|did)\b(?=\s+(?:\w+\s+){0,2}charge\b)|(?<=\bwhat\s+(?:do|does|did)\s+(?:\w+\s+){0,2})charge\b|\bper\s+(?:million|thousand|1[mk])\s+tokens\b|\bpays?\s+(?:the\s+)?(?:most|best|more|better|well)\b|\bhow much\s+(?:\w+\s+){0,3}(?:earn|make)\b|for free|\bcharges?\s+how\s+much\b|\bfree\s+(?:tier|plan|version|quota)s?\b|\b(?:is|are)\s+(?:it|they|this|that|these|the\s+\w+)\s+free\b|\b(?:is|are)\s+(?:the|that|this|those|these)\s+(?:[\w-]+\s+){1,8}free\s*(?:[?,]|\b(?:and|or)\b|$)|\bfree or (?:not|paid)\b|(?:绑|綁|需要|要|得)\s*(?:定\s*)?(?:信用卡|银行卡|銀行卡)|(?:绑|綁)\s*(?:定\s*)?(?:卡|(?:a\s+)?credit\s*cards?)|\b(?:need|needs|require|requires|ask\s+for|asks\s+for)\s+(?:a\s+|your\s+)?credit\s*cards?\b/.source}|${MONEY_ASKED}`,
      "i",
    ),
    // A salary is given in 万/千/k (月薪 5-6 万, 30k).
    present:
      /[¥￥$€£]\s*\d|\d\s*(?:元|块|塊|美元|美金|刀|rmb|usd|dollars?|万|萬|千|k\b)|免费|免費|付费|付費|收费|收費|\bfree\b|\bpaid\b|价格|價格|\bprice/i,
  },
  {
    kind: "date",
    asked:
      /(?<!决定|決定|判断|判斷|知道|选择|選擇|考虑|考慮|明白|清楚|学会|學會|懂得)(?:什么时候|什麼時候)(?!\s*(?:该|該|应该|應該|适合|適合|需要|要用|用|开始学|開始學))|哪一?年|几几年|幾幾年|何时|何時|哪一?天|哪一?日(?!本)|几号|幾號|几月|幾月|日期(?![^？?，,。]{0,4}\d{4})|哪个时间|發布於|发布于|\bwhen\s+(?:exactly\s+|roughly\s+|approximately\s+)?(?:is|was|are|were|did|does|do|will|would|should|can|could)\b|what year|which year|\b(?:what|which) day\b|(?<!\bup[\s-]to[\s-])\bdate\b(?!d)|\b(?:published|released?)\s+(?:in|on|when)\b|\brelease date\b|(?:比较|比較|更)?(?:早|晚)(?:出版|出的|发布|發布|出来|出來)|出版(?:时间|時間|年份|日期|年|得早|得晚)|\bcame out (?:first|earlier|later)\b|\b(?:published|released) (?:first|earlier|later)\b/i,
    present:
      /(?:19|20)\d{2}\s*(?:年|[-/.]\d)|\b(?:19|20)\d{2}\b|\b(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b|\d{1,2}\s*月\s*\d{0,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i,
  },
  {
    kind: "version",
    asked:
      /(?:哪个|哪個|什么|什麼|哪一)\s*(?:[A-Za-z][\w.+#-]*\s*)?版本|版本号|版本號|版本\s*(?:是|为|為)?\s*(?:多少|几|幾)|最新(?:的)?\s*(?:[A-Za-z][\w.+#-]*\s*)?(?:版本|版)|哪一版|第\s*[几幾]\s*版|\bversions?\b|\b(?:which|what)\s+(?:\w+\s+){0,2}editions?\b|\blatest\s+(?:stable\s+)?(?:release|version)\b|\bv\d/i,
    present:
      /\bv\d|\d+\.\d+(?:\.\d+)?|版本\s*[0-9一二三四五六七八九十]|第\s*[0-9一二三四五六七八九十]+\s*版|\bversion\s*\d|\d+(?:st|nd|rd|th) edition/i,
  },
  {
    kind: "duration",
    asked:
      /多久|多长|多長|多少时间|多少時間|几个?小时|幾個?小時|几天|幾天|几周|幾週|幾周|几个月|幾個月|几年|幾年|多少天|多少小时|多少小時|多少\s*(?:时数|時數|学时|學時|课时|課時)|多少\s*[个個]?\s*(?:月|周|週|星期|礼拜|禮拜|钟头|鐘頭|小时|小時|分钟|分鐘)|[几幾]\s*[个個]?\s*(?:星期|礼拜|禮拜|钟头|鐘頭|分钟|分鐘)|时长|時長|how long|how many (?:days|weeks|months|hours|hrs?|years|minutes|mins)|\b(?:run ?time|running time|total length)\b|(?:多少|[几幾])\s*[个個]?\s*(?:hours?|hrs?|days?|weeks?|months?|years?)\b|最[短长長](?!的?\s*(?:那|这|這)?\s*[篇份个個]?\s*(?:博客|博文|部落格|文章|帖子|笔记|筆記|清单|清單|路线|路線|指南|一篇|一份))|\b(?:shortest|longest)\b(?!\s+(?:blog|post|article|guide|list|roadmap|doc|note|one)s?\b)/i,
    // "哪个最短？" after a list of courses compares their 时长 (not "最短的那篇", a document by its length).
    // A year (2024年) or the month of a date (2024年9月) is when, not how long.
    present: new RegExp(
      `(?<![0-9０-９年])(?!(?:19|20)\\d{2}\\s*(?:年|[-/.]))${CN_NUMBER}+\\s*(?:[-~～到至]\\s*${CN_NUMBER}+\\s*)?(?:个月|個月|月|周|週|天|日|年|小时|小時|星期|分钟|分鐘)|\\d+\\s*(?:-\\s*\\d+\\s*)?(?:weeks?|months?|days?|hours?|years?|minutes?|mins?)`,
      "i",
    ),
  },
  {
    kind: "setting",
    asked: new RegExp(
      `${/设多少|設多少|设置成多少|設置成多少|设成多少|設成多少|设为多少|設為多少|取多少|调到多少|調到多少|超参|超參|学习率|學習率|learning rate|batch size|hyper-?parameters?|what value|which value|set (?:it )?to what|\b(?:what|which|recommended|suggested|default|typical|ideal|optimal)\s+(?:\w+\s+){0,2}(?:rank|alpha|epochs?|dropout|temperature|top[- ]?[pk])\b|(?:设|設|取|选|選|调|調)\s*(?:成|为|為|到)?\s*\d+(?:\.\d+)?\s*(?:还是|還是|或者?|\bor\b)\s*\d|\bset\s+(?:\w+\s+){0,2}to\s+\d+(?:\.\d+)?\s+or\s+\d|(?:rank|秩|alpha|epochs?|dropout|温度|溫度)\s*(?:一般|通常)?\s*(?:要|该|該|应该|應該)?\s*(?:设|設|取|选|選|用|推荐|推薦|建议|建議)?\s*(?:多少|多大|几|幾)/.source}|${SETTING_ASKED}`,
      "i",
    ),
    present:
      /(?:学习率|學習率|learning.?rate|batch.?size|\blr\b|epochs?|\brank\b|alpha|dropout|temperature|top[- ]?[pk]|温度|溫度|秩|超参数?|超參數?|hyper-?parameters?|参数|參數)[^。\n.;；]{0,24}\d|\b\d{1,2}\s*-?\s*bits?\b|\b(?:int|fp|bf)\d{1,2}\b/i,
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
    /(?:咋|怎么|怎麼|如何|怎样|怎樣)[^？?。，,！!]{0,8}?(?:安装|安裝|装|裝|配置|设置|設置)|\bhow\s+(?:do\s+i|to|can\s+i|should\s+i)\s+(?:install|configure|set\s+up)\b|\b(?:walk\s+(?:me\s+)?through|steps?\s+(?:to|for))\s+(?:setting\s+up|installing|configuring|install|configure|set\s+up)\b/iu,
  present: /安装|安裝|配置|设置|設置|\binstall|\bconfigur|\bset\s*up\b|\bpip\s|\bnpm\s|\bbrew\s|\bapt(?:-get)?\s|docker\s+run/iu,
});

/** Who made, publishes or measured something: a company, a publisher, a university, an institution (哪个机构). */
DETAIL_RULES.push({
  kind: "organization",
  asked:
    /出版社|哪(?:一?家|个|個|间|間)公司|(?:任|就)(?:职|職)(?:于|於)?\s*(?:哪|何)|(?:任|就)(?:职|職)的?\s*(?:公司|单位|單位|机构|機構)|工作单位|工作單位|在哪(?:里|裡|儿|兒)?(?:工作|上班)|哪(?:一?家|一?个|一?個)?\s*(?:机构|機構|组织|組織|单位|單位)|哪所大学|哪所大學|(?:哪个|哪個|哪所|哪间|哪間)学校|(?:哪个|哪個|哪所|哪间|哪間)學校|毕业于|畢業於|which (?:company|publisher|university|school|lab|organi[sz]ation)|what (?:company|publisher|university|school)|\baffiliated\b|\bpublisher\b|\bemployer\b|\bwhere\s+(?:does|did)\s+(?:he|she|they|the\s+author)\s+work\b/i,
  present:
    /出版社|出版|公司|大学|大學|学校|學校|研究院|实验室|實驗室|机构|機構|组织|組織|\bpress\b|\bpublish|\bcompany\b|\binc\.|\buniversity\b|\binstitute\b|\blab\b/i,
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
    /(?:是|由)\s*(?:谁|誰)|(?:谁|誰)\s*(?:在\s*)?(?:讲|講|写|寫|教|做|开|開|主讲|主講|出的|维护|維護|提出|发明|發明|创办|創辦)|哪(?:几|幾|一)?位|哪些(?:老师|老師|人|专家|專家|作者)|(?:哪个|哪個|哪一个|哪一個)\s*(?:老师|老師|讲师|講師|教授|作者|大佬|博主)|作者是|\bwho\s+(?:is|was|are|were|teaches|taught|wrote|writes|made|makes|created|gave|gives|runs|maintains|presented|presents|invented|proposed|founded)\b(?![^?]*\bfor\s*\?)|(?:^|[,.;:?!]\s*|\b(?:and|so)\s+)who['’]s\b(?![^?]*\bfor\s*\?)|\bwhich\s+(?:professor|teacher|instructor|lecturer|person)\b/i,
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
 * Which GPU or card something needs (哪款显卡, GPU 型号, 什么等级的显卡, which GPU, "what tier of GPU"): answered only by a card's name
 * (A100, RTX 4090, T4) or a memory size; "GPU 资源" or "算力" says nothing about which.
 */
DETAIL_RULES.push({
  kind: "hardware",
  asked:
    /(?:哪款|哪个|哪個|哪种|哪種|哪些|什么|什麼)\s*(?:型号|型號|等级|等級|级别|級別|档次|檔次|档位|檔位)?\s*(?:的)?\s*(?:显卡|顯卡|gpu|卡)|\b(?:what|which)\s+(?:tier|grade|class|level|kind|sort|type)\s+of\s+(?:gpus?|graphics cards?|cards?)\b|(?:显卡|顯卡|gpu)\s*(?:型号|型號)|\bwhich\s+(?:gpus?|graphics cards?|cards?)\b|\bwhat\s+(?:gpus?|graphics cards?)\b|(?:什么|什麼|哪种|哪種|多高|多少)\s*(?:的)?\s*(?:gpu|显卡|顯卡|硬件|硬體|电脑|電腦|机器|機器)?\s*(?:规格|規格|配置)|最低(?:要|需要)?(?:什么|什麼)?(?:规格|規格|配置)|硬件要求|硬體要求|\b(?:minimum|system|hardware)\s+(?:specs?|requirements)\b|\bwhat\s+specs?\b/i,
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
 * How often something happens (how often, 多久一次, 频率), or which of two rates ("weekly 还是
 * monthly", 周刊还是月刊): answered by a rate (每周, weekly, every month, 一月一次), not by a length
 * of time.
 */
DETAIL_RULES.push({
  kind: "frequency",
  asked:
    /\bhow\s+(?:often|frequently)\b|多久[^，,。？?！!]{0,4}一次|每隔多久|多常|频率|頻率|(?:\b(?:daily|weekly|monthly|biweekly)\b|每[天日周週月]|[日周週月]更|[周週月]刊)\s*(?:还是|還是|或是|或者|\bor\b)\s*(?:\b(?:daily|weekly|monthly|biweekly)\b|每[天日周週月]|[日周週月]更|[周週月]刊)/iu,
  present:
    /每\s*(?:[天日周週月年]|[一二两兩三四五六七八九十\d]+\s*(?:天|日|周|週|个?月|個?月|年))|每隔|[一二两兩三四五六七八九十\d]\s*(?:天|周|週|个月|個月|年)\s*[一二两兩三\d]\s*次|\b(?:daily|weekly|monthly|yearly|annually|biweekly)\b|\bevery\s+(?:\w+\s+)?(?:day|week|month|year)s?\b|\b(?:once|twice)\s+a\b/iu,
});

/**
 * Which country or city someone or something is from (哪国人, 哪个城市的数据, which country, what
 * city), or where a course was recorded or held (哪个教室, 在哪录的, where was it filmed): answered by
 * a country's or a city's name (or 国内/海外, 一线城市); a paper's title or an author's name does
 * not say, nor does a salary figure, nor a course's link.
 */
DETAIL_RULES.push({
  kind: "place",
  asked:
    /哪(?:个|個|一个|一個)?(?:国家|國家|国|國)|哪(?:个|個|一个|一個|座)?(?:城市|地区|地區|省份|省)|哪(?:个|個|间|間|一个|一個)?(?:教室|会场|會場|场地|場地|校区|校區|礼堂|禮堂)|在哪(?:里|裡|儿|兒)?(?:录|錄|拍|举办|舉辦|举行|舉行)|\b(?:which|what)\s+(?:country|city|region|province|venue|classroom|campus)\b|\bwhere\s+(?:was|were|is|are)\s+(?:it|they|the\s+\w+(?:\s+\w+)?)\s+(?:recorded|held|filmed|hosted)\b|\bnationality\b/iu,
  present:
    /北京|上海|深圳|广州|廣州|杭州|成都|南京|武汉|武漢|西安|苏州|蘇州|天津|重庆|重慶|台北|臺北|香港|一线城市|一線城市|二线城市|二線城市|北上广深|北上廣深|\b(?:Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Taipei|Hong Kong|Silicon Valley|San Francisco|New York|London|Seattle)\b|中国|中國|美国|美國|英国|英國|法国|法國|德国|德國|日本|韩国|韓國|加拿大|新加坡|印度|以色列|瑞士|荷兰|荷蘭|澳大利亚|澳大利亞|澳洲|国内|國內|国外|國外|海外|\b(?:China|USA|U\.S\.|United States|America|UK|Britain|England|France|Germany|Japan|Korea|Canada|Singapore|India|Israel|Switzerland|Netherlands|Australia)\b/u,
});

/**
 * Who won or how someone placed (第一名, 冠军, the winner, which place): answered only by a passage
 * that gives a result; one that lists the competition does not say who won it.
 */
DETAIL_RULES.push({
  kind: "result",
  asked:
    /第一名|第[一二三]名|冠军|冠軍|亚军|亞軍|获胜|獲勝|获奖|獲獎|名次|排第几|排(?:名|在)?\s*第\s*[一二三1-3](?![阶階段步章节節])|排名\s*(?:最高|最前|靠前)|\bwinners?\b|\bwon\b|\bwinning (?:team|solution|entry)\b|\b(?:1st|first|top) place\b|\bleaderboard\b|\branked\s+(?:first|#?1|highest|top)\b|\b(?:number|no\.?)\s*one\s+(?:spot|position|job|role)\b/iu,
  // A rank stated: a place (第一, No. 1), a ranking (排名, 榜首), a winner, or a numbered list's first item
  // ("入门课程里排第一的是哪门": the list's order is the rank asked).
  present:
    /(?:^|\n)\s*(?:1|一)\s*[.、．)]|第[一二三\d]名|冠军|冠軍|亚军|亞軍|获胜|獲勝|获奖|獲獎|名次|排名|榜首|排(?:在)?第\s*[一二三\d]|\bwinners?\b|\bwon\b|\bwinning\b|\b(?:1st|2nd|3rd|first|second|third) place\b|\btop \d+\b|\bno\.?\s*1\b|\branked\b/iu,
});

/**
 * How well something scores (准确率多少, 多少分, what accuracy, which F1): answered only by a
 * measured value, a percentage or a metric's number; a passage that describes the project or
 * names the benchmark does not say what it reaches.
 */
DETAIL_RULES.push({
  kind: "score",
  asked:
    /(?:准确率|準確率|准确度|準確度|正确率|正確率|召回率|精确率|精確率|精确度|精確度|得分|分数|分數|成绩|成績|F1|\bscores?\b)\s*(?:能|可以|会|會|大概|大约|大約)?\s*(?:有|是|达到|達到|到)?\s*(?:多少|多高|几|幾)|(?:多少|几|幾)\s*(?:准确率|準確率|正确率|正確率|分)(?![钟鐘])|\b(?:what|which)\s+(?:\w+\s+){0,2}(?:accuracy|scores?|f1|bleu|rouge|perplexity)\b|\bhow (?:accurate|high does)\b|\bpassing score\b|\bhow much (?:accuracy|precision|performance)\b|(?:精度|准确率|準確率|准确度|準確度|精确度|精確度|性能|效果)\s*(?:会|會|大概|大约|大約|可能){0,2}\s*(?:损失|損失|下降|掉)\s*(?:多少|几|幾)/iu,
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
    /(?:哪|哪儿|哪里|哪裡|哪兒|在哪|去哪)\s*(?:能|可以|才能)?\s*(?:下载|下載|下(?=\s*[?？。！!]|\s*$))|(?:下载|下載)\s*(?:地址|链接|鏈接|連結)|\bwhere\b[^?？]{0,40}\bdownload\b|\bdownload\s+(?:link|page)\b/iu,
  present: /https?:\/\/|下载|下載|\bdownload/iu,
});

/**
 * Which dataset to use (哪个数据集, which dataset): answered only by a passage that names one (a
 * dataset, a corpus); one that describes the task does not say which data.
 */
DETAIL_RULES.push({
  kind: "dataset",
  asked:
    /(?:哪个|哪個|哪些|什么|什麼|啥)\s*(?:[^，,。？?！!\s]{1,4}?)?\s*(?:数据集|數據集|资料集|資料集|语料|語料)|\b(?:which|what)\s+(?:\w+\s+){0,2}(?:datasets?|corpus|corpora)\b|(?:推荐|推薦|提到|给|給|附|列)(?:了|出)?\s*(?:具体|具體|现成|現成|公开|公開)?\s*(?:的)?\s*(?:数据集|數據集|资料集|資料集)|\b(?:suggest|recommend|name|mention|give|list|point\s+to)(?:s|ed)?\s+(?:a|an|any|the|some)\s+(?:[\w-]+\s+){0,2}(?:datasets?|corpus)\b|\bany\s+datasets?\b/iu,
  present: /数据集|數據集|资料集|資料集|语料|語料|\bdatasets?\b|\bcorpus\b|\bcorpora\b/iu,
});

/**
 * Which loss a model is trained with (CLIP 用的啥 loss, 用的是什么损失函数, X 的 loss 是啥, "what loss
 * does it use"): answered only by a passage that names one (交叉熵, MSE, a contrastive loss). A
 * roadmap that names the model, or says to learn loss functions, does not say which one that model
 * uses. "loss 是啥" alone asks what a loss is.
 */
DETAIL_RULES.push({
  kind: "loss",
  asked:
    /(?:哪个|哪個|哪种|哪種|什么|什麼|啥|何种|何種)\s*(?:样的|樣的)?\s*(?:损失函数|損失函數|损失|損失|\bloss(?:\s+function)?\b)|的\s*(?:损失函数|損失函數|\bloss(?:\s+function)?\b)\s*(?:是|用|用的是|叫)?\s*(?:什么|什麼|啥|哪个|哪個|哪种|哪種)|\b(?:which|what)\s+(?:kind\s+of\s+|type\s+of\s+)?(?:loss|objective)(?:\s+function)?\b|\bloss(?:\s+function)?\s+(?:does|do|did|is|was)\s+(?:it|they|the\s+\w+|\w+)\s+(?:use|used|train|trained|optimi[sz]e)/iu,
  present:
    /交叉熵|均方|对比(?:学习|損失|损失)|對比(?:學習|損失)|\bcross[- ]?entropy\b|\bmse\b|\bcontrastive\b|\binfonce\b|\bhinge\b|\bkl\b|\bfocal\s+loss\b|\bnll\b/iu,
});

/**
 * Whether something is lawful, or what a law says of it (用 AI 换脸做视频犯法吗, 会不会侵权, 个资法怎么规定,
 * "is it legal to", "what does privacy law say"): answered only by a passage about law or rights
 * (法规, 合规, 版权, 隐私, a licence). A roadmap that lists a legal assistant among its projects (法律助手,
 * "a legal assistant for a law firm") says nothing of what is lawful: the field named is no question of law.
 */
DETAIL_RULES.push({
  kind: "legality",
  asked:
    /犯法|违法|違法|(?:是否|是不是|算不算)?合法(?:吗|嗎|不|呢|[?？])|侵权|侵權|法(?:律|规|規)?\s*(?:上)?\s*(?:怎么|怎麼|如何|有什么|有什麼|有啥)\s*(?:规定|規定|要求)|(?:个资|個資|隐私|隱私|著作权|著作權|版权|版權|劳动|勞動|合同|数据安全|數據安全)法|\b(?:is|are|was|would)\s+(?:it|that|this|they)\s+(?:even\s+)?(?:legal|illegal|lawful)\b|\billegal(?:ly)?\b|\blegality\b|\b(?:privacy|copyright|contract|employment|labou?r|data[- ]protection)\s+laws?\b|\bwhat\s+(?:does|do)\s+(?:the\s+)?(?:\w+\s+){0,2}laws?\s+say\b|\bcopyright\s+(?:issues?|problems?|infringement)\b|\binfring(?:e|es|ing|ement)\b/iu,
  present:
    /法规|法規|合规|合規|版权|版權|著作权|著作權|隐私|隱私|许可证|許可證|侵权|侵權|违法|違法|\blicen[cs]es?\b|\bcopyright\b|\bgdpr\b|\bcomplian(?:ce|t)\b|\bprivacy\b|\blegal(?:ly|ity)?\b/iu,
});

/**
 * Whether a text written with AI can be told apart (用AI写的作文老师看得出来不, 会不会被老板看出来, "how
 * can I tell whether my students used ChatGPT"): answered only by a passage about detecting it (检测,
 * 查重, a detector). The roadmaps teach building with models, never telling their output from a person's.
 */
DETAIL_RULES.push({
  kind: "detection",
  asked:
    /(?:\bAI\b|ＡＩ|\bChatGPT\b|\bGPT\b|人工智能|大模型|机器|機器)[^？?。!！]{0,20}?(?:看|查|发现|發現)\s*(?:得|的)?\s*出(?:来|來)\s*(?:了|呢)?\s*(?:吗|嗎|不|么|麼|没|沒|[?？]|$)|\btell\s+(?:whether|if)\b[^?]{0,60}?\b(?:used|use|using|wrote|written|made)\b[^?]{0,20}?\b(?:AI|ChatGPT|GPT|LLMs?)\b|\b(?:detect|spot|catch)(?:s|ed|ing)?\s+(?:\w+\s+)?(?:AI|ChatGPT)[- ](?:generated|written)\b/iu,
  present: /检测|檢測|查重|\bdetect(?:or|ors|ion|ing)?\b|\bwatermark/iu,
});

/**
 * Which of several came first, or which was first to do a thing (ReAct 和 Function Calling 哪个先出,
 * 哪个模型最先支持, "which came out first", "the first model to support it"): answered only by a date
 * or a first stated (2023 年, 首个, 最早, "first"). A roadmap that lists the things does not order them in
 * time. Which comes first in a plan (最早在哪个 stage 出现, 先学哪个) is the plan's order, no such question.
 */
DETAIL_RULES.push({
  kind: "precedence",
  asked:
    /(?:哪个|哪個|边个|邊個|谁|誰|哪家)\s*(?:模型|框架|公司|厂商|廠商)?\s*(?:最先|最早|先)\s*(?:出|支持|支援|发布|發布|推出|提出|实现|實現)|\bwhich\b[^?]{0,40}?\b(?:came\s+(?:out\s+)?first|was\s+(?:released|introduced|proposed)\s+first)\b|\bfirst\s+(?:\w+\s+)?to\s+(?:support|release|introduce|offer|ship)\b/iu,
  present: /(?:19|20)\d{2}\s*年?|首个|首個|首次|最早|最先|率先|\bfirst\b|\bearliest\b/iu,
});

/**
 * Which chapter of a book something is in (《动手学深度学习》第几章讲 Transformer, which chapter of
 * the book): answered only by a chapter's number. A roadmap names books; it rarely says where in
 * them a topic is. (A roadmap's own parts are stages, read by their place, not this.)
 */
DETAIL_RULES.push({
  kind: "chapter",
  asked:
    /(?:《[^》]+》|书|書|\bbook\b)[^？?。]{0,24}(?:第几章|第幾章|哪一章|哪个章节|哪個章節|\b(?:which|what)\s+chapters?\b)|\b(?:which|what)\s+chapters?\s+of\s+(?:the|this|that)\s+book\b/iu,
  present: /第\s*[0-9一二三四五六七八九十]+\s*章|\bchapters?\s*\d+|\bch\.\s*\d+/iu,
});

/**
 * How big a model, a memory or a degree of parallelism is (多大显存, 参数量, how big): answered only
 * by a number with a size unit (7B, 24 GB, 千亿, 8 张卡). "有多大帮助" asks how much it helps.
 */
DETAIL_RULES.push({
  kind: "size",
  asked:
    /多大\s*的?\s*(?:显存|顯存|内存|內存|模型|参数|參數|规模|規模|并行度|並行度|尺寸|数据量|數據量)|(?:参数|參數)\s*(?:规模|規模|量级|量級|数量|數量)\s*(?:到底|究竟|大概|大约|大約|一共|具体|具體)?\s*(?:是|有)?\s*(?:多少|多大|几|幾)|(?:有|要)\s*多大\s*(?:[？?吗嗎呢啊]|$)|参数量|參數量|\bhow\s+(?:big|large)\b|\b(?:which|what)\s+(?:\w+\s+)?sizes?\b|\bchunk\s+sizes?\b|(?:块|塊|分块|分塊|切块|切塊|chunk)\s*(?:(?:要|该|該|应该|應該)?\s*(?:切|分|设|設)(?:成|得)?\s*)?(?:大小|长度|長度|设多大|設多大|多大|多长|多長)|哪(?:个|個|种|種|些)\s*(?:模型)?\s*(?:尺寸|规模|規模|参数量级|參數量級)|\bhow much\s+(?:memory|vram|gpu memory)\b|\bhow many parameters\b|\bparameter count\b|\b(?:what(?:'s|\s+is|\s+was)?|which|how (?:long|big|large)(?:\s+(?:is|was))?)\s+(?:(?:a|an|the|its|their)\s+)?(?:max(?:imum)?\s+)?context\s+(?:window|length)\b|上下文\s*(?:窗口|长度|長度)\s*(?:是|有|能)?\s*(?:多少|多长|多長|多大|几|幾)|(?:多长|多長|多大)的?\s*上下文/i,
  present:
    /\d+(?:\.\d+)?\s*(?:[BMKT]\b|GB|G\b|TB|MB|亿|億|万|萬|billion|million|trillion)|[千百万萬]亿|\d+\s*(?:张|張|块|塊)\s*(?:卡|GPU|显卡|顯卡)|\d+\s*(?:tokens?\b|个?\s*token|字符|個?字元|characters?\b)/i,
});

/**
 * Whether a course or a book comes in the learner's language (中文字幕, 中文版, subtitles, a
 * translation): answered only by a passage that gives one; a roadmap that lists the course or
 * the book in English says nothing of a translation.
 */
DETAIL_RULES.push({
  kind: "translation",
  // The language named with it (中文字幕, "Chinese subtitles") is part of the detail asked, not the
  // thing it is asked of: the evidence focus reads the question without it (withoutDetailQuestions).
  asked:
    /(?:中文|中英|英文|双语|雙語)?\s*字幕|中文版|中譯本|中译本|譯本|译本|中文翻译|中文翻譯|(?:\b(?:chinese|english|mandarin|bilingual)\s+)?\bsubtitle[sd]?\b|\bsubbed\b|\btranslat(?:ed|ion)s?\b|\bdubbed\b/iu,
  present: /字幕|中文版|中譯本|中译本|譯本|译本|中文翻译|中文翻譯|双语|雙語|\bsubtitle|\btranslat/iu,
});

/**
 * By how much one thing beats another (比 TensorRT-LLM 高多少, how much faster, 快几倍): answered only
 * by a measured difference (a percentage, a multiple, a rate); a passage that names both things,
 * or says one is faster, does not say by how much.
 */
DETAIL_RULES.push({
  kind: "margin",
  asked:
    /(?<![最至])(?:高|低|快|慢|多|少|强|強|好|大|小|省|贵|貴|便宜|差|相差)\s*(?:了|出)?\s*(?:多少|几倍|幾倍|百分之几|百分之幾)|\bhow much\s+(?:faster|slower|higher|lower|better|worse|bigger|smaller|cheaper|more|less)\b|\bby how much\b|\bhow many times\s+(?:faster|slower|better|bigger|more)\b/iu,
  present: /\d+(?:\.\d+)?\s*(?:%|％|倍|x\b|×|percent)|百分之|[一二两兩三四五六七八九十]\s*倍/iu,
});

/**
 * An account or group to add (微信号, vx 号, QQ 群, a WeChat id): answered only by the id itself; a
 * post's "加微信领资料" promises one without giving it (and its promotional tail is cut anyway).
 */
DETAIL_RULES.push({
  kind: "contact",
  asked:
    /微信号|微信號|(?:vx|wx|v信|qq)\s*(?:号|號|群)|群号|群號|联系方式|聯繫方式|联系邮箱|聯繫郵箱|\bwechat\s+(?:id|account|number)\b|\bcontact\s+(?:info|details|number|email)\b|\bphone number\b/iu,
  present: /(?:微信|vx|wx|v信|qq|群号|群號|邮箱|郵箱|email|wechat)\s*(?:号|號|id)?\s*[:：]\s*[A-Za-z0-9_.@-]{4,}/iu,
});

/**
 * Where a claim or figure comes from (出自哪份研究, 数据来源, "what study", "where does that number come
 * from"): answered only by a passage naming its source (《…报告》, according to, 根据…调查); a
 * passage that states the claim does not say who measured it. Asked also by a verb of provenance
 * (根据, 依据, 引用, 援引, 来自, 基于, "based on") before which source (哪一份研究报告, 什么调查, "what
 * survey"), and by which study a claim is from ("which report is that from", "where did they get that
 * number"). Not 参考什么资料 (what to read) nor 根据什么数据 (training data): the source nouns are those
 * of a measurement (研究, 调查, 统计, 报告, 文献).
 */
DETAIL_RULES.push({
  kind: "source",
  asked:
    /(?:根据|根據|依据|依據|引用|引自|援引|来自|來自|基于|基於)(?:了|的是|的|自)?\s*(?:哪|什么|什麼|啥)\s*一?\s*(?:份|篇|项|項|个|個|家|些)?\s*(?:的)?\s*(?:研究|调查|調查|调研|調研|统计|統計|报告|報告|文献|文獻|机构|機構|来源|來源)|\bbased\s+on\s+(?:what|which)\s+(?:\w+\s+)?(?:study|studies|research|report|survey|source|data)\b|\b(?:which|what)\s+(?:\w+\s+)?(?:report|survey|study)\s+(?:is\s+(?:that|this|it)\s+from|(?:says|said|found|finds|shows|showed|backs|supports)\b)|\bwhere\s+(?:did|does|do)\s+(?:\w+\s+){1,3}get\s+(?:that|this|the|those|these)\s+(?:[\w%.,-]+\s+)?(?:numbers?|figures?|stats?|statistics?|claims?|data|percentages?)\b|出自|出处|出處|(?:数据|數據|结论|結論|说法|說法|数字|數字)\s*(?:的)?\s*(?:来源|來源)|(?:哪|什么|什麼)\s*(?:份|篇|个|個)?\s*(?:(?:研究|调查|調查)\s*(?:报告|報告)?|报告|報告)\s*(?:说|說|得出|出来|出來|的)|\bwhat\s+(?:study|research)\b|\bwhich\s+study\b|\bwhere\s+does\s+(?:that|this|the)\s+(?:[\w%.,-]+\s+)?(?:number|figure|stat|statistic|claim|data|percentage)\s+come\s+from\b|\bsource\s+(?:of|for)\s+(?:that|this|the)\b|\bcites?\s+(?:any|a|its|the)?\s*(?:sources?|study|studies|research|data)\b/iu,
  present:
    /《[^》]{2,40}(?:报告|報告|研究|调查|調查|白皮书|白皮書|统计|統計)》|根据.{0,16}(?:报告|研究|调查|統計|统计)|根據.{0,16}(?:報告|研究|調查|統計)|\baccording to\b|\b(?:study|survey|report)\s+by\b/iu,
});

/**
 * What will become of something (过两年会不会被淘汰, 将来还吃香吗, "will it be obsolete in five years"):
 * answered only by a passage that looks ahead (未来, 预计, 趋势, 前景, will). A passage that describes
 * the thing today says nothing of its future.
 */
DETAIL_RULES.push({
  kind: "forecast",
  asked:
    /会不会被|會不會被|被(?:淘汰|取代|替代)(?:吗|嗎|掉)|(?:[过過]\s*)?[两兩几幾三五十]\s*年(?:后|後|以后|以後|之后|之後)?\s*(?:会不会|會不會|还会|還會|还能|還能|还吃香|還吃香|会被|會被)|(?:将来|將來|未来|未來|以后|以後|今后|今後)[^，,。？?]{0,10}(?:会不会|會不會|会被|會被|还会|還會|还能|還能|还吃香|還吃香|前景)|(?:还有|還有|有没有|有沒有)\s*前景|前景(?:如何|怎么样|怎麼樣|咋样|咋樣)|\b(?:will|going to)\b[^?]{0,40}\b(?:replace[sd]?|obsolete|disappear|still\s+be|in\s+(?:a few|two|three|five|ten|\d+)\s+years)\b|\bobsolete\b/iu,
  present: /未来|未來|将来|將來|预计|預計|预测|預測|趋势|趨勢|前景|将会|將會|\bwill\b|\bfuture\b|\btrends?\b|\bexpected to\b/iu,
});

/**
 * Under what license something is released, and whether it may be used commercially (开源协议是啥,
 * 能商用吗, "what license"): answered only by a passage naming a license (Apache, MIT, GPL, 协议, 许可)
 * or commercial use. A roadmap that recommends an open model or tool does not say on what terms.
 */
DETAIL_RULES.push({
  kind: "license",
  asked:
    /开源协议|開源協議|许可证|許可證|许可协议|許可協議|授权协议|授權協議|能(?:不能)?商用|可(?:不可)?以商用|商用(?:吗|嗎|许可|許可)|\blicen[cs]e[sd]?\b|\bcommercial(?:ly)?\s+use\b|\buse\s+(?:it|them|this|that)\s+commercially\b/iu,
  present: /协议|協議|许可|許可|授权|授權|商用|\blicen[cs]e|\bapache\b|\bmit\b|\bgpl\b|\bcommercial/iu,
});

/**
 * Where a project's or a course's code is (源码去哪下, 有开源代码吗, "is the code on GitHub"): answered
 * only by a passage that points at code (a repository, GitHub, 源码, 代码). A project the roadmap
 * only describes ("电商虚拟试衣系统(阿里云 PAI + 多模态模型)") gives none.
 */
DETAIL_RULES.push({
  kind: "code",
  asked:
    /源码|源碼|源代码|源代碼|(?:开源|開源)(?:的)?(?:代码|代碼|程式碼)|(?:代码|代碼|程式碼)\s*(?:在哪|去哪|哪里|哪裡|哪儿|有没有|有沒有|可以参考|可以參考|能参考|能參考)|\bsource\s+code\b|\b(?:the|its|their)\s+code\b[^?]{0,30}\b(?:available|on github|open|published|released|find|get)\b|\bwhere\b[^?]{0,30}\bthe\s+code\b/iu,
  // Not 代码 or "code" alone: "代码生成" (code generation) is what a project does, not where its code is.
  present: /github|gitee|huggingface\.co|源码|源碼|源代码|源代碼|代码仓库|代碼倉庫|\brepo(?:sitory|s)?\b|\bsource\s+code\b/iu,
});

/**
 * Whether a stage ends in an exam or an assessment to pass (有没有要通过的考试或者考核, "is there a test at the
 * end"): answered only by a passage that names one (阶段评估, 考核, 自测, an exam). A stage's topics say
 * nothing of how it is checked.
 */
DETAIL_RULES.push({
  kind: "exam",
  asked:
    /(?:有没有|有沒有|要不要|需不需要|需要|要|得|必须|必須)\s*(?:通过|通過|参加|參加)?\s*(?:的)?\s*(?:什么|什麼|啥)?\s*(?:考试|考試|考核|测验|測驗)|(?:考试|考試|考核|测验|測驗)(?:吗|嗎|么|麼)|\b(?:is there|are there|do i (?:have|need) to (?:pass|take)|any)\s+(?:an?\s+)?(?:exams?|tests?|quiz(?:zes)?|assessments?)\b|\bpass\s+(?:an?\s+|the\s+)?(?:exam|test)\b/iu,
  present: /考试|考試|考核|评估|評估|测验|測驗|自测|自測|验收|驗收|\bexams?\b|\bassessments?\b|\bquiz/iu,
});

/**
 * How old a person is (李沐多大年纪, 几岁, "how old is he"): answered only by an age stated (35 岁,
 * "40 years old"). A roadmap names teachers and authors, never their ages. Only the question forms:
 * a learner giving their own age ("我今年38岁") asks none.
 */
DETAIL_RULES.push({
  kind: "age",
  asked: /几岁|幾歲|多少岁|多少歲|多大年纪|多大年紀|年龄|年齡|\bhow old\b|\bwhat age\b/iu,
  present: /\d+\s*(?:岁|歲)|\b\d+\s*(?:years?\s+old|yo)\b|\baged\s+\d+/iu,
});

/**
 * Where a person is from (ninehills 是哪里人, 哪个地方的人, "where is the author from"): answered only
 * by a passage saying where (来自, 出生, 籍贯, "born in", "based in"). A roadmap names the people
 * whose courses and notes it lists, never where they come from. "从哪里开始" and "哪里来的资料" ask
 * where to start and where material comes from: only 人 or a person's origin words ask this.
 */
DETAIL_RULES.push({
  kind: "origin",
  asked:
    /(?<![我你]\s*是?\s*)(?:哪里|哪裡|哪儿|哪兒|哪个地方|哪個地方|什么地方|什麼地方|啥子?地方|哪国|哪國|哪个国家|哪個國家|边度|邊度)\s*(?:的)?\s*人(?![工])|国籍|國籍|籍贯|籍貫|老家在|\bwhere\s+(?:is|are|was|were)\s+(?:he|she|they|[A-Z][\w-]*|(?:the\s+)?(?:author|creator|writer|teacher|lecturer|maintainer)(?:\s+of\s+[^?,.]{1,30}?)?)\s+(?:originally\s+)?from\b|\bnationality\b/iu,
  present: /来自|來自|出生|籍贯|籍貫|国籍|國籍|人士|\bborn\b|\bbased\s+in\b|\bfrom\s+[A-Z][a-z]+\b|\bnationality\b/u,
});

/**
 * What a person does for a living (是做什么工作的, 干啥工作, "what does he do for a living"): answered
 * only by a role or a job (工程师, 研究员, 教授, engineer, "works at"). 是做什么的 alone asks what a
 * thing is for (LangChain 是做什么的), and "what job can I get" the learner's prospects: neither is this.
 */
DETAIL_RULES.push({
  kind: "occupation",
  asked:
    /(?:是|在)?\s*(?:做|干|幹|搞)\s*(?:什么|什麼|啥子?|咩)\s*(?:工作|职业|職業)(?:的|嘅)|(?:他|她|作者|博主|up主)\s*(?:是)?\s*(?:做|干|幹)\s*(?:什么|什麼|啥子?)\s*(?:工作|的)|(?:他|她|作者|博主)的?\s*(?:职业|職業)|\bwhat\s+(?:does|did)\s+(?:he|she|they|the\s+author|[A-Z][\w-]*)\s+do\s+for\s+(?:a\s+)?(?:living|work)\b|\b(?:his|her|their|the\s+author's)\s+(?:job|occupation|profession)\b/u,
  present:
    /工程师|工程師|研究员|研究員|科学家|科學家|教授|讲师|講師|老师|老師|创始人|創始人|程序员|程序員|博士|学生|學生|任职|任職|就职|就職|\bengineer|\bresearcher|\bscientist|\bprofessor|\blecturer|\bfounder|\bworks?\s+(?:at|for)\b|\bstudent\b|\bCEO\b/iu,
});

/** The field's people the glossary names, as patterns (a Latin name only as a whole word: "Ng" is in "training"). */
function personNames(): string[] {
  return GLOSSARY.filter((entry) => entry.person).flatMap((entry) => [
    ...entry.en.map((name) => `\\b${escapeRegExp(name)}\\b`),
    ...entry.zh.map(escapeRegExp),
  ]);
}

/**
 * What a work concluded or found (那篇论文最后得出的结论, 得出的主要瓶颈是什么, "what did the tutorial
 * conclude", its main findings): answered only by a passage that reports a finding (结论, 表明, 发现,
 * "found that"). A reading list says what a paper is about ("瓶颈分析"), not what it found. Giving a
 * conclusion (写出推理再给结论) and drawing one (下结论) are no such question. Last of the rules:
 * "哪份报告的结论" asks the source first, and each rule's words are taken out of the question in turn.
 */
DETAIL_RULES.push({
  kind: "finding",
  asked:
    /(?<!给|給|下|出)(?:结论|結論)\s*(?:是|为|為|到底|究竟|呢|吗|嗎|[?？])|(?:的|有|主要|核心|最后|最後|最终|最終)\s*(?:结论|結論)|(?<!看|查|认|認|觉|覺|猜|分|说|說)得出(?:了|的)?\s*[^，,。？?！!]{0,8}?(?:是什么|是什麼|是啥|是哪|为何|為何|什么|什麼|啥)|\bconclu(?:de|ded|des|sions?)\b|\b(?:main|key|major)\s+(?:findings?|takeaways?|results?)\b/iu,
  present: /结论|結論|表明|证明|證明|发现|發現|得出|揭示|\bconclu(?:de|ded|des|sions?)\b|\bfound\s+that\b|\bshows?\s+that\b|\bdemonstrat/iu,
});
