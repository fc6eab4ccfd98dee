/**
 * Written Cantonese's function words in standard written Chinese: "五階段指南嗰個實戰項目係咩？" reads
 * as "五階段指南那個實戰項目是啥？". Hong Kong and Macau learners write them (嗰, 咩, 嘅, 佢, 冇, 喺,
 * 係咪, 點樣, 邊個, 幾耐); the documents are in standard written Chinese, and every cue this project
 * reads (那个, 什么, 哪个, 多久, 是不是 …) is in it. No maintained package converts Cantonese to
 * Mandarin (OpenCC converts scripts and regional vocabulary, not dialect grammar), so this is the
 * closed class of those words, as a stopword list is: pronouns, demonstratives, question words,
 * negation, copula, aspect particles and a few common verbs, never the field's vocabulary.
 *
 * Every replacement has its word's length, so offsets into the text stay valid, and all are Han
 * characters, like OpenCC's tables (script.ts converts Han runs alone). Applied only to a text
 * that holds a character standard written Chinese does not use (CANTONESE_MARK): 係 (關係), 點 (重點)
 * and 邊 (邊緣) are ordinary characters there.
 */
/**
 * 邊 before any classifier a question counts by (邊間公司, 邊位老師, 邊種方法) asks which: 邊 or 边 with
 * the classifier in either script reads 哪 with its Simplified form.
 */
const WHICH_CLASSIFIERS: readonly (readonly [traditional: string, simplified: string])[] = [
  ["條", "条"],
  ["間", "间"],
  ["位", "位"],
  ["家", "家"],
  ["種", "种"],
  ["款", "款"],
  ["門", "门"],
  ["套", "套"],
  ["部", "部"],
  ["次", "次"],
  ["年", "年"],
  ["天", "天"],
  ["段", "段"],
  ["章", "章"],
  ["節", "节"],
  ["樣", "样"],
  ["隻", "只"],
];
const WHICH_BY_CLASSIFIER = WHICH_CLASSIFIERS.flatMap(([traditional, simplified]) =>
  ["邊", "边"].flatMap((which) =>
    [...new Set([traditional, simplified])].map((classifier) => [`${which}${classifier}`, `哪${simplified}`] as const),
  ),
);

const PHRASES: readonly (readonly [string, string])[] = [
  // Two-character words first: they hold characters the one-character rules would read alone.
  ["乜嘢", "什么"],
  ["咩嘢", "什么"],
  ["係咪", "是否"],
  ["系咪", "是否"],
  ["唔係", "不是"],
  ["點樣", "怎样"],
  ["点样", "怎样"],
  ["點解", "为何"],
  ["点解", "为何"],
  ["幾耐", "多久"],
  ["几耐", "多久"],
  ["幾多", "多少"],
  ["几多", "多少"],
  ["而家", "现在"],
  // 個鐘 is an hour (幾多個鐘: how many hours), the unit a study plan is counted in; Mandarin's 个钟头 stays.
  ["個鐘頭", "個鐘頭"],
  ["个钟头", "个钟头"],
  ["個鐘", "小时"],
  ["个钟", "小时"],
  ["佢哋", "它们"],
  ["我哋", "我们"],
  ["你哋", "你们"],
  ["有冇", "有无"],
  ["推介", "推荐"],
  // 使唔使 is 要不要 ("使唔使錢": does it cost money), not 使 and 不.
  ["使唔使", "要不要"],
  ["跟住", "跟着"],
  ["仲有", "还有"],
  ["仲要", "还要"],
  ["仲係", "还是"],
  ["邊個", "哪个"],
  ["边个", "哪个"],
  ["邊度", "哪里"],
  ["边度", "哪里"],
  ["邊幾", "哪几"],
  ["边几", "哪几"],
  ["邊份", "哪份"],
  ["边份", "哪份"],
  ["邊篇", "哪篇"],
  ["边篇", "哪篇"],
  ["邊本", "哪本"],
  ["边本", "哪本"],
  ["邊一", "哪一"],
  ["边一", "哪一"],
  // 邊啲 is "which ones" (哪些), not 边 and the plural 些.
  ["邊啲", "哪些"],
  ["边啲", "哪些"],
  ...WHICH_BY_CLASSIFIER,
  ["做嘢", "工作"],
  ["呢個", "这个"],
  ["呢个", "这个"],
  ["呢份", "这份"],
  ["呢篇", "这篇"],
  ["呢本", "这本"],
  ["呢段", "这段"],
  ["呢度", "这里"],
  // "資料包入面" is 资料包里面; not the 入 of a verb before 面 (进入面试, 输入面板: see cantoneseAsStandard).
  ["入面", "里面"],
  ["呢啲", "这些"],
];

const CHARACTERS: Readonly<Record<string, string>> = {
  嗰: "那",
  咩: "啥",
  乜: "啥",
  嘅: "的",
  佢: "它",
  冇: "没",
  喺: "在",
  啲: "些",
  咗: "了",
  噉: "这",
  唔: "不",
  睇: "看",
  嚟: "来",
  畀: "给",
  俾: "给",
  攞: "拿",
  搵: "找",
  揀: "选",
  啱: "对",
  咁: "那",
  係: "是",
  㗎: "的",
};

/** 入 ending a verb (进入, 输入, 加入, 深入, 投入 …) before the 面 of 面试/面板: no 入面 "inside". */
const VERB_ENDING_IN_RU = /[进進输輸加深投引导導嵌融收接写寫载載录錄注植侵陷潜潛流涌湧插切纳納列转轉介]/u;

/**
 * Characters and words of written Cantonese that standard written Chinese does not use. 幾多 (how
 * many), 個鐘 (an hour, not Mandarin's 个钟头), 入面 (inside) and a clause opened by 咁 (then:
 * "咁基礎夯實呢？") mark it too, though each of their characters is ordinary alone: learners write
 * "入門階段每週要幾多個鐘" with no other mark.
 */
const CANTONESE_MARK = new RegExp(
  "[嗰咩嘅佢冇喺啲咗噉嘢睇嚟畀攞搵啱唔乜㗎]|係咪|点样|點樣|點解|幾耐|几耐|幾多|几多|[個个][鐘钟](?![頭头])|" +
    "[邊边](?:個|个|間|间|位|家|種|种|款|門|门|度|份|篇|本|條|条)|" +
    `(?<!${VERB_ENDING_IN_RU.source})入面|(?:^|[，,。；;：:？?！!\\s])咁`,
  "u",
);

const PHRASE_OR_CHARACTER = new RegExp(`${PHRASES.map(([from]) => from).join("|")}|[${Object.keys(CHARACTERS).join("")}]`, "gu");
const PHRASE_TABLE: ReadonlyMap<string, string> = new Map(PHRASES);

/** The text with written Cantonese's function words in standard written Chinese, when it is written in Cantonese; else the text itself. */
export function cantoneseAsStandard(text: string): string {
  if (!CANTONESE_MARK.test(text)) return text;
  // 係 in a compound (關係, 聯係) is "relation", not the copula.
  return text.replace(PHRASE_OR_CHARACTER, (word, at: number) => {
    if (word === "係" && /[關关聯联維维干體体]/u.test(text[at - 1] ?? "")) return word;
    if (word === "入面" && VERB_ENDING_IN_RU.test(text[at - 1] ?? "")) return word;
    return PHRASE_TABLE.get(word) ?? CHARACTERS[word] ?? word;
  });
}
