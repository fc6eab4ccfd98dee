import { GLOSSARY } from "./glossary.js";
import { foldForMatching } from "./listItems.js";
import { KIND_WORD, kindOfWord, type NameKind, type NameKinds } from "./nameKinds.js";
import { wordsBesideSubject } from "./questionWords.js";
import { withoutSpelledOutTerms } from "./spelledOutTerms.js";
import { mayMatchGated } from "../text/questionGate.js";

/**
 * "Which model / dataset / format / library": a question that asks for a particular member of a
 * category is answered only by a passage that names one (Qwen, GGUF, DeepSpeed), beside the
 * question's subject. A passage that names the category (开源大模型, "quantization") or only the
 * tool the question is about (LLaMA-Factory) does not say which. The detail checks read other
 * kinds this way (detailKinds.ts); this kind needs the question itself to tell a name apart from
 * the words it asks with, so it is read here and called from confidence.ts.
 */

/**
 * The categories whose members the field names: models, data sets, file formats, libraries, frameworks,
 * tools, and (vector) databases, whose members are products (Milvus, FAISS) as a framework's are.
 * 库 alone or as 函数库 (题库 and 知识库 are other things).
 */
const CATEGORY_ZH =
  "(?:大?模型(?!架构|架構|结构|結構)|数据集|數據集|语料|語料|格式|函[式数數]库|函[式数數]庫|(?<=(?:什么|什麼|哪个|哪個|哪些|哪种|哪種|啥|[^\\p{Script=Han}]))(?:库|庫)|框架|工具|网络结构|網絡結構|(?<!模型)(?:架构|架構)|(?:向量)?(?:数据|數據|資料)(?:库|庫))";
const CATEGORY_EN = "(?:models?|datasets?|formats?|librar(?:y|ies)|frameworks?|tools?|databases?|vector (?:stores?|DBs?)|architectures?)";

/** Which one (为什么 is why; 何种 is the formal register's). */
export const WHICH_ZH = "(?:哪个|哪個|哪一个|哪一個|哪些|哪款|哪种|哪種|何种|何種|(?<![为為])(?:什么|什麼)|啥)";
/** The words that may qualify a category between "which" and it (开源, 中文, 提速的, quantization), never a clause (要把, 是在, a passive 被视为). */
const QUALIFIER_ZH = "(?:(?:[A-Za-z][\\w.-]*\\s*){1,2}|[^\\s，,。？?！!、要把是在有用吗嗎呢被]{1,8}?\\s*)?";

const INSTANCE_ASKED = new RegExp(
  [
    // 哪个开源大模型, 什么框架, 支持哪些 quantization 格式 (a few words may qualify the category). A category
    // the qualified words end in that itself qualifies a noun after 的 ("哪些可以交流大模型的社群", "哪些讲模型的书")
    // is not what is asked for: the noun is.
    `${WHICH_ZH}\\s*${CATEGORY_ZH}`,
    `${WHICH_ZH}\\s*${QUALIFIER_ZH}${CATEGORY_ZH}(?![的之]\\p{Script=Han})`,
    `${WHICH_ZH}\\s*(?:[A-Za-z-]+\\s+){0,2}${CATEGORY_EN}\\b`,
    // 有推荐具体的开源模型吗: a recommendation of "a specific one" asks for its name.
    `(?:推荐|推薦|建议|建議)[^，,。？?！!]{0,4}具[体體]的?[^，,。？?！!]{0,6}${CATEGORY_ZH}`,
    `\\b(?:which|what)\\s+(?:[\\w-]+\\s+){0,3}${CATEGORY_EN}\\b`,
    `\\b(?:suggest|recommend|name|mention|point to)s?\\s+(?:a|an|any|one|some|a specific|a particular)\\s+(?:[\\w-]+\\s+){0,2}${CATEGORY_EN}\\b`,
  ].join("|"),
  "iu",
);
/** Whether INSTANCE_ASKED can match a text at all, from the question's shared reading (questionGate.ts). */
const mayAskInstance = mayMatchGated(INSTANCE_ASKED);

/** Whether the question asks which particular model, data set, format, library, framework or tool. */
export function instanceAsked(question: string): boolean {
  return mayAskInstance(question) && INSTANCE_ASKED.test(question);
}

/**
 * The words a question asks a particular one with: the category (模型, library) and the document
 * it is asked of (roadmap, 那篇, 清单). They are not its subject: the detail focus (HybridRetriever)
 * leaves them out, as it leaves out the words that name a roadmap.
 */
const ASKING_WORDS = new RegExp(
  `${CATEGORY_ZH}|\\b${CATEGORY_EN}\\b|\\b(?:roadmap|blog|post|article|list|guide|notes|plan)s?\\b|路线图?|路線圖?|清单|清單|文章|博客|笔记|筆記|那篇|这篇|這篇`,
  "giu",
);

/**
 * The tokens of a question that are not its subject when it asks for a particular one: its asking
 * words (ASKING_WORDS) and its everyday words (自己, 用户, 做好): the rarest of those is no subject.
 */
export function instanceNonSubjectWords(question: string): string[] {
  return wordsBesideSubject(question, ASKING_WORDS);
}

/** A Latin name as the documents write one: LLaMA-Factory, GPT-4, Qwen2, vLLM, GGUF, Llama.cpp. */
const LATIN_NAME = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-.+_][A-Za-z0-9]+)*(?![A-Za-z0-9])/gu;
const LINK_ADDRESS = /\bhttps?:\/\/[^\s)>\]]+/giu;

/** The field's concepts (LLM, RAG, LoRA, Transformer): a category or a method, never a particular one. */
let concepts: ReadonlySet<string> | undefined;
function fieldConcepts(): ReadonlySet<string> {
  concepts ??= new Set(
    GLOSSARY.filter((entry) => !entry.person && entry.zh.length > 0).flatMap((entry) => [...entry.en, ...entry.zh].map(foldForMatching)),
  );
  return concepts;
}

/**
 * The names a text gives that the question does not: a Latin word written as a name (a capital
 * letter or a digit in it), not one of the field's concepts, not a word of a link's address.
 */
export function namesBeyondQuestion(text: string, question: string, conceptsLeftOut = true): string[] {
  const asked = foldForMatching(question);
  const known = fieldConcepts();
  // A term spelled out in brackets ("指令微调(Instruction Tuning)") names no particular one (spelledOutTerms.ts).
  const plain = withoutSpelledOutTerms(text.replace(LINK_ADDRESS, " "));
  return [...plain.matchAll(LATIN_NAME)]
    .filter(({ 0: word }) => (/[A-Z0-9]/u.test(word.slice(1)) || /^[A-Z]/u.test(word)) && word.length >= 2)
    .filter(({ 0: word, index }) => {
      const folded = foldForMatching(word);
      if (asked.includes(folded)) return false;
      // "Transformers 库", "the Transformers library": a concept's word used as a library's name.
      return !conceptsLeftOut || !known.has(folded) || NAMED_AS_LIBRARY.test(plain.slice(index + word.length, index + word.length + 12));
    })
    .map(({ 0: word }) => word);
}

const NAMED_AS_LIBRARY = /^\s*(?:库|庫|框架|librar(?:y|ies)\b|framework\b)/iu;

/** A format asked for (哪些格式, which format): a tool's name (TensorRT) is not one. */
const FORMAT_ASKED = /格式|\bformats?\b/iu;
/** The field's file and number formats: weights (GGUF, GPTQ, AWQ), precisions (INT8, FP16), data (JSONL, Parquet). */
const FORMAT_NAME =
  /^(?:gguf|ggml|gptq|awq|exl2|safetensors|onnx|int[2348]|fp(?:4|8|16|32)|bf16|nf4|q\d_\w+|jsonl?|csv|parquet|arrow|markdown|pdf|html|xml|yaml)$/iu;

/**
 * The kind of thing a "which one" question asks for, when it is a model or a data set: the first kind
 * word after its "which" (nameKinds.ts's; "哪个工具微调大模型" asks a tool, "用什么方法研究模型" a
 * method). A word that only qualifies another ("model-sharing hub") or what it is "of" ("what
 * ability of the model") is not what is asked. A tool, library or framework question is read as
 * before: the documents' tools are also listed as platforms and communities (Hugging Face), and on
 * tune holding them to their kind made 4 answerable questions low and caught none.
 */
export function kindAsked(question: string): NameKind | undefined {
  const asking = mayAskInstance(question) ? INSTANCE_ASKED.exec(question) : null;
  const word = asking && KIND_IN_ASKING.exec(asking[0]);
  if (!asking || !word) return undefined;
  if (question[asking.index + word.index + word[0].length] === "-" || /\bof\b/iu.test(asking[0].slice(0, word.index))) return undefined;
  // A Chinese noun phrase's head is its last noun: "何种大模型评估基准" asks a benchmark, not a model.
  // Another kind word close after may also be a verb's object ("什么方法研究模型"), so it only ever
  // unsettles the kind, never gives one.
  const after = question.slice(asking.index + word.index + word[0].length);
  const kind = kindOfWord(word[0]);
  if ([...(HAN_RUN.exec(after)?.[0] ?? "").matchAll(KIND_WORD)].some((later) => kindOfWord(later[0]) !== kind)) return undefined;
  return kind === "model" || kind === "dataset" || kind === "database" ? kind : undefined;
}

/** The Han characters right after a kind word: the rest of its noun phrase, if any. */
const HAN_RUN = /^\p{Script=Han}{1,6}/u;

/** The first kind word of a "which" phrase (KIND_WORD is global, for matchAll). */
const KIND_IN_ASKING = new RegExp(KIND_WORD.source, "iu");

/**
 * Whether any of the texts (the passages about the question's subject) names a particular one. With
 * the index's name kinds (nameKinds.ts), a name the documents show to be another kind of thing
 * (LangChain, a framework, for "which model") is not one; a name they say nothing of still is.
 */
export function instancePresent(texts: readonly string[], question: string, kinds?: NameKinds): boolean {
  const format = FORMAT_ASKED.test(question);
  const kind = kinds && kindAsked(question);
  if (!kind) return texts.some((text) => namesBeyondQuestion(text, question).some((name) => !format || FORMAT_NAME.test(name)));
  // A field concept the documents call a thing of the kind asked ("GPT模型", "ChatGPT等模型") names one too.
  return texts.some(
    (text) =>
      namesBeyondQuestion(text, question).some((name) => kinds.admits(name, kind)) ||
      namesBeyondQuestion(text, question, false).some((name) => kinds.shows(name, kind)),
  );
}
