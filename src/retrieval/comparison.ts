import { recentlyComputed } from "../text/recentlyComputed.js";
import { toSimplified } from "../text/script.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { englishWordsUncovered } from "./dictionaryExpansion.js";
import { expandQuery } from "./expandQuery.js";
import { isLearnerLevelWord } from "./learnerLevel.js";
import { listItems } from "./listItems.js";
import { isFiller } from "./questionWords.js";
import { gatedTest } from "../text/questionGate.js";

/**
 * Questions that ask the documents to compare two things ("X 和 Y 哪个更适合", "which is better,
 * X or Y", "X 跟 Y 有啥区别"). The documents answer one only where a passage names both and
 * compares them (更, 比, 低于, than …): two tools listed side by side are not a comparison, and a
 * roadmap that names both books never says which is thicker.
 */
/**
 * Which of the two is better (a verdict asked), as opposed to how they differ: with a comparative
 * (哪个更…, which is better) or a plain adjective closing the question (X和Y哪个好用？哪個強？).
 */
const BETTER_ASKED =
  /哪(?:个|個|一个|一個|本|种|種|家|门|門)[^，,。？?]{0,16}?(?:更|比较|比較|\b(?:better|easier|harder|faster|cheaper|more)\b)|哪(?:个|個|一个|一個|款|种|種|家)\s*(?:好用|好|强|強|快|靠谱|靠譜|实用|實用|厉害|厲害|稳定|穩定|划算|劃算)(?=\s*(?:[啊呀呢吗嗎啦嘛哇喔些点點]|一点|一點|一些|[?？。！!,，]|$))|哪(?:个|個|一个|一個|种|種|款|家)[^，,。？?]{1,16}?(?:些|一些|一点|一點|点|點)(?=\s*(?:[啊呀呢吗嗎啦嘛哇喔]\s*)?(?:[?？。！!]|$))|(?:谁|誰)\s*更|\bwhich\b[^?.]{0,40}?\b(?:is|are|would be|works?|performs?|runs?|does|do|gives?|yields?|gets?|has|have)\s+(?:the\s+)?(?:better|faster|slower|easier|harder|cheaper|more|less)\b|\bwhether\b[^?]{0,60}\bor\b[^?]{0,40}\b(?:better|faster|slower|easier|harder|cheaper)\b|\bor\s+[^?.,]{1,30}?\b(?:is|are|would be)\s+(?:the\s+)?(?:better|faster|slower|easier|harder|cheaper)\b|选哪|選哪|先\s*(?:学|學|看|读|讀|上手)\s*哪(?:个|個|一个|一個|样|樣|门|門|本)?(?=\s*(?:[?？。！!吗嗎呢啊呀好比较比較]|$))|\bwhich\b[^?.]{0,30}\b(?:learn|study|pick up|start with)\b[^?.]{0,10}\bfirst\b|(?:推荐|推薦|建议|建議)\s*(?:用|选|選|学|學)?\s*哪(?:一)?(?:种|種)(?=\s*(?:[?？。！!吗嗎呢啊呀]|$))|(?:还是|還是|(?<=[A-Za-z0-9]\s*)定(?=\s*[A-Za-z0-9]))[^，,。？?]{1,24}?(?:比较|比較|更)\s*(?:好|合适|合適|适合|適合|强|強|快|容易|简单|簡單|实用|實用)|(?:推荐|推薦|建议|建議|该用|該用|要用|用|选|選)[^，,。？?]{1,16}?(?:还是|還是)|好\s*(?:还是|還是)[^，,。？?]{1,20}?好|\b(?:is|are)\b[^?.]{1,40}?\b(?:actually\s+|really\s+)?(?:better|faster|slower|easier|harder|cheaper)\s+than\b|\bshould\s+(?:I|we)\s+(?:pick|choose|use|go with|learn)\b[^?.]{1,40}\bor\b|\b(?:which|recommends?|recommended|prefers?|preferred|suggests?|favou?rs?)\b[^?.]{0,80}[,:]\s*[^,?.]{1,30}?\s+or\s+[^,?.]{1,30}\?|\bbetween\s+[^,?.]{1,40}?\s+and\s+[^,?.]{1,40}?,\s*which\b/iu;
/** How the two differ. */
const DIFFERENCE_CUES =
  /有\s*(?:啥|什么|什麼)\s*(?:区别|區別|不同|不一样|不一樣|分别|分別)|\bdistinguish(?:es|ed)?\b[^?]{1,40}\bfrom\b|有何\s*(?:区别|區別|不同)|的\s*(?:区别|區別)|差别|差別|差异|差異|差在哪|(?:哪里|哪裡|哪儿|哪兒)\s*不(?:同|一样|一樣)|不(?:一样|一樣)在哪|\bdiffers?\s+from\b|\bdifferent\s+from\b|\bvs\.?\s|\bversus\b|\bdifference between\b/iu;
// Asked of every question an answer's confidence reads: `iu`, so through their twins (ignoreCaseTest.ts).
const betterAsked = gatedTest(BETTER_ASKED);
const differenceCued = gatedTest(DIFFERENCE_CUES);
const asked = (question: string) => betterAsked(question) || differenceCued(question);
// "What distinguishes X from Y": from joins the two things the verb took.
const DIFFERS_FROM = /\b(?:differs?|different)\s+from\b|(?<=\bdistinguish(?:es|ed)?\b[^?]{1,40})\bfrom\b/iu;
/**
 * "X is (much) faster than Y": the comparative, and an adverb of degree before it, is what is asked,
 * not a word of X. Only such an adverb: any word there would take a one-word X ("is Dify easier than").
 */
const COMPARATIVE_BEFORE_THAN =
  /\s+(?:(?:much|far|way|even|actually|really|slightly|a\s+(?:lot|bit|little))\s+)?(?:better|faster|slower|easier|harder|cheaper|worse)\s*$/iu;
// 同 joins two things as 和 does ("FAISS 同 Milvus", Cantonese and formal Mandarin), not in 同样, 同时, 不同, 相同 …;
// Cantonese 定 between two Latin names is 还是 ("PyTorch 定 TensorFlow 好"), not the 定 of 一定, 确定.
const CONNECTOR =
  /和|跟|与|與|(?<![不相共如协協认認赞贊陪连連])同(?![样樣时時一类類步学學事等期意])|还是|還是|(?<=[A-Za-z0-9]\s*)定(?=\s*[A-Za-z0-9])|或者|或是|\bvs\.?(?=\s)|\bversus\b|\bor\b|\band\b|\bthan\b/iu;
const COMPARES =
  /更|比|最|优于|優於|低于|低於|高于|高於|不如|胜过|勝過|区别|區別|不同|差异|差異|\bthan\b|\bbetter\b|\bworse\b|\bfaster\b|\bslower\b/iu;
/** One thing said to be a kind, a part or an application of another ("是…在…领域的应用", "属于", "is a kind of"). */
const RELATION =
  /是[^，,。；;]{0,24}?(?:的)?(?:应用|應用|一种|一種|一类|一類|子集|分支|特例|特殊形式)|属于|屬於|\bis\s+(?:an?\s+)?(?:kind|type|subset|application|special case|branch)\s+of\b/iu;
/**
 * A question that asks how two things differ (区别, difference, vs) is answered by a passage that
 * describes both, each in its own sentence. One that asks which is better (哪个更, 谁更, whether X
 * or Y is better) needs a verdict: one sentence naming both with a comparative. "如 PyTorch、
 * TensorFlow 等框架的比较" names a comparison and gives none.
 */
const DIFFERENCE_ASKED =
  /区别|區別|不同|不一样|不一樣|差别|差別|差异|差異|差在|有\s*(?:啥|什么|什麼)\s*(?:分别|分別)|\bdiffer|\bdistinguish|\bvs\.?\s|\bversus\b/iu;
// 最新, 最近, 最后, 最初, 最终 place a thing in time or order ("了解…的最新研究成果"): no verdict between two.
const VERDICT =
  /更|最(?![新近后後初终終])|其次|没那么|沒那麼|优于|優於|低于|低於|高于|高於|不如|胜过|勝過|(?<![对對])比(?![较較])|\bthan\b|\bbetter\b|\bworse\b|\bfaster\b|\bslower\b/iu;
/** Where the question stops naming the second thing and starts asking (哪个更…, 有啥区别, 比起来, 两项…之间的差异). */
const ASKING_TAIL =
  /哪|谁|誰|比较|比較|更(?!新)|(?:两|兩)\s*(?:个|個|项|項|种|種|者|门|門|本|款)|之间|之間|有\s*(?:啥|什么|什麼)|有何|到底|差在|不(?:同|一样|一樣)|的|比起|相比|\bwhich\b|\bis\b|\bare\b|\b(?:in|for|when|on|at)\b|[,，?？。]/iu;

interface Side {
  /** The words the question itself uses for this thing. */
  own: Set<string>;
  /** Those and their glossary names. */
  all: Set<string>;
}

/**
 * A hyphenated Latin name is one name: "P-tuning" and "Prefix-tuning" share "tuning", and "P" is
 * too short a token to keep, so without the whole name the two sides could not be told apart.
 */
const HYPHENATED_NAME = /[a-z0-9]+(?:-[a-z0-9]+)+/giu;

/** A text's search tokens and its hyphenated names, lowercased. */
function namesAndTokens(text: string): string[] {
  const names = text.match(HYPHENATED_NAME) ?? [];
  const tokens = tokenizeForSearch(text);
  return names.length === 0 ? tokens : [...tokens, ...names.map((name) => name.toLowerCase())];
}

function tokensOf(text: string): Set<string> {
  const tokens = namesAndTokens(text).filter((t) => (/[a-z]/i.test(t) ? t.length >= 2 : Array.from(t).length >= 2) && !isFiller(t));
  // A compound's pieces (lang, chain of langchain) would find passages about something else.
  return new Set(tokens.filter((t) => !tokens.some((other) => other !== t && other.includes(t))));
}

function sideOf(text: string): Side {
  const simplified = toSimplified(text);
  const own = tokensOf(simplified);
  return { own, all: new Set([...own, ...tokensOf(expandQuery(simplified).join(" "))]) };
}

/** An English content word (three letters or more), as the dictionary keys them. */
const ENGLISH_WORD = /\b[A-Za-z][a-z]{2,}\b/gu;

/**
 * A comparison question with the Chinese the corpus uses for each of its English words put right
 * after it, so the sides read from it hold both ("open source 模型和 online 在线 的大模型，哪个更安全"):
 * a passage comparing 开源大模型 and 在线大模型 compares what the learner names in English.
 * `candidatesOf` gives a word's corpus words from CC-CEDICT (FieldDictionary.englishCandidates); a
 * word the glossary names already has its names in sideOf, and a filler ("ones", "which") has none.
 */
export function withSideGlosses(question: string, candidatesOf: (word: string) => readonly string[]): string {
  if (comparedSides(question) === undefined) return question;
  const uncovered = new Set(englishWordsUncovered(question));
  const glossed = question.replace(ENGLISH_WORD, (word) => {
    const lower = word.toLowerCase();
    if (!uncovered.has(lower)) return word;
    const chinese = candidatesOf(lower).filter((candidate) => /^\p{Script=Han}+$/u.test(candidate));
    return chinese.length > 0 ? `${word} ${chinese.join(" ")}` : word;
  });
  // Only when the glosses keep the two sides: a gloss never turns a question into another.
  return comparedSides(glossed) !== undefined ? glossed : question;
}

/**
 * The last question's sides: one answer's confidence asks whether the question compares
 * (comparedSides) and then whether its passages do (comparisonPresent), which read them again.
 */
let lastCompared: { question: string; sides: readonly [ReadonlySet<string>, ReadonlySet<string>] | undefined } | undefined;

/** The two things compared, as their search tokens (with glossary names), or undefined. */
export function comparedSides(question: string): readonly [ReadonlySet<string>, ReadonlySet<string>] | undefined {
  if (lastCompared?.question !== question) lastCompared = { question, sides: sidesCompared(question) };
  return lastCompared.sides;
}

function sidesCompared(question: string): [Set<string>, Set<string>] | undefined {
  if (!asked(question)) return undefined;
  // "How does X differ from Y": the verb joins the two things (a "from" elsewhere joins nothing).
  const connector = DIFFERS_FROM.exec(question) ?? CONNECTOR.exec(question);
  if (!connector) return undefined;
  const before = (
    question
      .slice(0, connector.index)
      .split(/[,，。;；:：—–]/u)
      .at(-1) ?? ""
  ).replace(COMPARATIVE_BEFORE_THAN, "");
  const after = question.slice(connector.index + connector[0].length);
  const tail = ASKING_TAIL.exec(after);
  const first = sideOf(lastChars(before, 24));
  const second = sideOf(tail ? after.slice(0, tail.index) : after);
  // What tells the two apart: a side's own words less those the other side uses itself, and its
  // glossary names less any the other side has too (数学 expands alike in 数学一 and 数学二; LoRA
  // is QLoRA's relative, so it stays LoRA's word only).
  const distinct = (side: Side, other: Side) => [
    ...[...side.own].filter((t) => !other.own.has(t)),
    ...[...side.all].filter((t) => !side.own.has(t) && !other.all.has(t)),
  ];
  const firstTokens = distinct(first, second);
  const secondTokens = distinct(second, first);
  return firstTokens.length > 0 && secondTokens.length > 0 ? [new Set(firstTokens), new Set(secondTokens)] : undefined;
}

/**
 * What a verdict is asked for, the job the better one should do: "哪个更适合做客服机器人", "哪個比較適合
 * 用來做摘要", "which is better for building a chatbot". Read after a verb of doing (做, 用来做, 开发,
 * building) or "for a/an": "哪个更适合新手" and "better for beginners" ask who, not what for.
 */
const PURPOSE_ASKED =
  /(?:适合|適合|适用于|適用於|合适|合適|更好|好用)\s*(?:拿来|拿來|用来|用來|用于|用於|来|來)?\s*(?:做|搞|开发|開發|构建|構建|实现|實現|处理|處理)\s*([^，,。？?！!；;]{2,20})|\b(?:for|to)\s+(?:building|making|doing|creating|developing|implementing|handling|build|make|create|develop|implement|handle)\s+(?:(?:a|an|the|my|our)\s+)?([^,.?!;]{2,40})|\bfor\s+(?:a|an)\s+([^,.?!;]{2,40})/iu;

/** Who a thing suits, not what it is for: "for a complete beginner", "for a student", 适合做开发者的. */
const AUDIENCE =
  /^(?:学生|学习者|开发者|工程师|程序员|研究者|人|students?|learners?|developers?|engineers?|programmers?|researchers?|persons?|people|someone|me|us)$/iu;

/** The purpose's own words (tokens less the sides'), or undefined when the verdict is asked for no purpose. */
function purposeAsked(question: string, sides: readonly [ReadonlySet<string>, ReadonlySet<string>]): ReadonlySet<string> | undefined {
  const match = PURPOSE_ASKED.exec(question);
  const purpose = match?.[1] ?? match?.[2] ?? match?.[3];
  if (!purpose) return undefined;
  const tokens = [...tokensOf(toSimplified(purpose))].filter((t) => !sides[0].has(t) && !sides[1].has(t));
  if (tokens.some((t) => isLearnerLevelWord(t) || AUDIENCE.test(t))) return undefined;
  return tokens.length > 0 ? new Set(tokens) : undefined;
}

/**
 * Whether one of the passages names both compared things and compares them, or for a "which is
 * better" question, one of its sentences does (true when no comparison is asked). A verdict asked
 * for a purpose ("哪个更适合做客服机器人") is given only by a passage that also names that purpose:
 * "RAG 推理更慢（低于微调）" compares the two, but not for a support bot.
 */
export function comparisonPresent(question: string, texts: readonly string[]): boolean {
  const sides = comparedSides(question);
  if (!sides) return true;
  // "差在哪？哪个比较难？" asks for a verdict too: the difference alone does not answer it.
  const difference = DIFFERENCE_ASKED.test(question) && !BETTER_ASKED.test(question);
  const names = (tokens: ReadonlySet<string>, side: ReadonlySet<string>) => [...side].some((t) => tokens.has(t));
  const purpose = difference ? undefined : purposeAsked(question, sides);
  return texts.some((text) => {
    if (purpose && ![...purpose].some((t) => text.toLowerCase().includes(t))) return false;
    const parts = textParts(text);
    const [first, second] = sides;
    if (parts.some(({ part, tokens }) => (difference ? COMPARES : VERDICT).test(part) && names(tokens, first) && names(tokens, second)))
      return true;
    // "大语言模型是生成式模型在自然语言处理领域的应用": how one stands to the other tells how they differ.
    if (difference && parts.some(({ part, tokens }) => RELATION.test(part) && names(tokens, first) && names(tokens, second))) return true;
    // A difference is also told by describing each in its own sentence or item; "如 GLUE、SuperGLUE 等"
    // names both in one breath and describes neither.
    if (!difference || !COMPARES.test(text)) return false;
    const alone = (side: ReadonlySet<string>, other: ReadonlySet<string>) =>
      parts.some(({ tokens }) => names(tokens, side) && !names(tokens, other));
    return alone(first, second) && alone(second, first);
  });
}

/**
 * A passage text's items (or sentences) with their names and tokens. They depend on the text
 * alone, and a comparison question checks the same top passages' texts as the last one did.
 */
const textParts = recentlyComputed(256, (text: string): readonly { part: string; tokens: ReadonlySet<string> }[] =>
  (listItems(text) ?? text.split(/[\n。；;!?！？]/u)).map((part) => ({ part, tokens: new Set(namesAndTokens(part)) })),
);

/** The last `count` characters of a text, less a Latin word they would cut in two ("…ccuracy"). */
function lastChars(text: string, count: number): string {
  if (text.length <= count) return text;
  const tail = text.slice(-count);
  return /[A-Za-z]/.test(text[text.length - count - 1]!) ? tail.replace(/^[A-Za-z]+/, "") : tail;
}
