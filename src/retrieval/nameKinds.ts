import type { Chunk } from "../chunking/types.js";
import { GLOSSARY } from "./glossary.js";

/**
 * What kind of thing each name the documents use is (Qwen a model, LangChain a framework, Kaggle a
 * platform), read from how the documents themselves introduce it, never typed per name:
 *   - a kind word right after it or its enumeration: "GPT模型", "LangChain框架", "Transformers 库",
 *     "Numpy、Pandas、TensorFlow、PyTorch等库", "NeurIPS、ICML 等顶级学术会议";
 *   - what a colon, a bracket or 是 says it is, by the clause's last kind word (its head in
 *     Chinese): "LLaMA-Factory：个人最推荐的微调大模型的工具", "Qwen(中文优化模型)";
 *   - "…深度学习框架的特点，如PyTorch、TensorFlow等": the clause's last kind word before 如; "阿里云 PAI": a cloud's service;
 *   - a list item's label or a heading naming a kind ("开源模型", "竞赛平台", "入门课程"), only for a
 *     name nothing above says anything of;
 *   - a word of a work's title (a link's several-word text, 《…》), likewise;
 *   - a person: the glossary's people, a name in brackets after a 《work》, "by First Last";
 *     a site: a link's host (github.com, blog.csdn.net), as a label.
 * A "which model" question (namedInstance.ts) is then answered only by a name of that kind.
 */
export type NameKind =
  | "model"
  | "software"
  | "database"
  | "platform"
  | "course"
  | "book"
  | "paper"
  | "dataset"
  | "method"
  | "benchmark"
  | "organization"
  | "venue"
  | "person"
  | "site"
  | "title";

/**
 * The kind words, each with its kind; a longer word first where one holds another (数据集 before 数据库).
 * 库 alone, after a Latin name or as 函数库: 案例库, 知识库 and 题库 are other things.
 */
const KIND_WORDS: readonly [RegExp, NameKind][] = [
  [/^(?:数据集|語料|语料|datasets?)$/iu, "dataset"],
  [/^(?:模型|models?)$/iu, "model"],
  // A database (Milvus, FAISS: "向量数据库的应用，如Milvus等") is asked for as one ("哪个向量数据库"),
  // not as any tool: a tutorial's host (GitHub) or its web framework (FastAPI) says no database.
  [/^(?:数据库|數據庫|資料庫|databases?)$/iu, "database"],
  [/^(?:框架|库|庫|函[式数數][库庫]|工具|引擎|接口|frameworks?|librar(?:y|ies)|tools?|toolkits?)$/iu, "software"],
  [/^(?:平台|社区|社區|官网|官網|竞赛|競賽|platforms?|communit(?:y|ies))$/iu, "platform"],
  [/^(?:课程|課程|教程|公开课|公開課|courses?|tutorials?)$/iu, "course"],
  [/^(?:书籍|書籍|读物|讀物|教材|书|書|books?)$/iu, "book"],
  [/^(?:论文|論文|综述|綜述|papers?|surveys?)$/iu, "paper"],
  [/^(?:方法|技巧|技术|技術|算法|机制|機制|范式|範式|methods?|techniques?)$/iu, "method"],
  [/^(?:标准|標準|基准|基準|benchmarks?)$/iu, "benchmark"],
  [/^(?:机构|機構|公司|实验室|實驗室|组织|組織)$/iu, "organization"],
  [/^(?:会议|會議|顶会|頂會|conferences?)$/iu, "venue"],
];
export const KIND_WORD =
  /数据集|語料|语料|数据库|數據庫|資料庫|模型|框架|函[式数數][库庫]|(?<!\p{Script=Han})[库庫]|工具|引擎|接口|平台|社区|社區|官网|官網|竞赛|競賽|课程|課程|教程|公开课|公開課|书籍|書籍|读物|讀物|教材|书|書|论文|論文|综述|綜述|方法|技巧|技术|技術|算法|机制|機制|范式|範式|标准|標準|基准|基準|机构|機構|公司|实验室|實驗室|组织|組織|会议|會議|顶会|頂會|\b(?:datasets?|models?|frameworks?|librar(?:y|ies)|tools?|toolkits?|platforms?|communit(?:y|ies)|courses?|tutorials?|books?|papers?|surveys?|methods?|techniques?|benchmarks?|conferences?|databases?)\b/giu;

export function kindOfWord(word: string): NameKind | undefined {
  return KIND_WORDS.find(([pattern]) => pattern.test(word))?.[1];
}

/** The last kind word of a text: a Chinese noun phrase's head is its last noun. */
function lastKind(text: string): NameKind | undefined {
  const words = [...text.matchAll(KIND_WORD)];
  return words.length > 0 ? kindOfWord(words.at(-1)![0]) : undefined;
}

/** A Latin name as namedInstance.ts reads one (LLaMA-Factory, GPT-4, Qwen2), folded to lower case. */
const LATIN_NAME = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-.+_][A-Za-z0-9]+)*(?![A-Za-z0-9])/gu;
/**
 * A run of names written together: one name of several words ("Hugging Face"), or an enumeration
 * ("Numpy、Pandas", "PyTorch/TensorFlow", "TensorFlow和PyTorch", "Megatron - LM").
 */
const NAME_RUN =
  /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-.+_][A-Za-z0-9]+)*(?:(?:\s*[、,，/&]\s*|\s+(?:and\s+)?|\s*[和与及]\s*|\s+-\s+)[A-Za-z][A-Za-z0-9]*(?:[-.+_][A-Za-z0-9]+)*)*(?![A-Za-z0-9])/gu;

/** What follows a run that says its kind at once: "模型", "系列模型", " 框架", or "等…" ("等库", "等顶级学术会议"). */
const RUN_TAIL = /^\s*(?:\*\*)?\s*(等|系列|series\b)?\s*([^，,。.；;：:（()）、\n的]{0,12})/iu;
/** What follows a run that says what it is: a colon, a bracket, 是 / is a. */
const DESCRIBED_AFTER = /^\s*(?:\*\*)?\s*(?:[：:（(]|是|is\s+(?:a|an|the)\b)/iu;
const CLAUSE_END = /[。；;！!？?\n（()）】【]|\.\s/u;
/** "…框架的特点和适用场景，如 PyTorch": the clause before 如 (back to its sentence's start). */
const SUCH_AS_BEFORE = /(?:如|例如|比如|像|such as|e\.g\.,?)\s*$/iu;
const KIND_FIRST = new RegExp(`^(?:${KIND_WORD.source})`, "iu");

function kindAfterRun(after: string): NameKind | undefined {
  const tail = RUN_TAIL.exec(after)!;
  const phrase = tail[2]!;
  // "等常见大语言模型接口": what an enumeration is, its phrase's head; otherwise a kind word at once ("GPT模型").
  // "Llama3.1 论文精读" is a paper about the model, not the model's kind.
  const direct = tail[1] === "等" ? lastKind(phrase) : kindOfWord(KIND_FIRST.exec(phrase)?.[0] ?? "");
  if (direct && direct !== "paper") return direct;
  if (!DESCRIBED_AFTER.test(after)) return undefined;
  const rest = after.replace(DESCRIBED_AFTER, "");
  const end = CLAUSE_END.exec(rest);
  const clause = (end ? rest.slice(0, end.index) : rest.slice(0, 60)).trim();
  // A Chinese description's head is its last word: "…微调大模型的工具" is a tool, "学习大模型在…的应用"
  // no kind. An English one's is its first ("Course to get into Large Language Models"): a title, read as one.
  const head = HEAD_KIND.exec(clause);
  return /\p{Script=Han}/u.test(clause) && head ? kindOfWord(head[1]!) : undefined;
}
const HEAD_KIND = new RegExp(`(${KIND_WORD.source})(?:之一|等)?[*\\s]*$`, "iu");

/** "阿里云 PAI", "腾讯云 TI": a name after a cloud's name is a service of that cloud. */
const CLOUD_BEFORE = /\p{Script=Han}[云雲]\s*$/u;

function kindBeforeRun(before: string): NameKind | undefined {
  if (CLOUD_BEFORE.test(before)) return "platform";
  if (!SUCH_AS_BEFORE.test(before)) return undefined;
  const sentence =
    before
      .replace(SUCH_AS_BEFORE, "")
      .split(/[。！？!?\n]/u)
      .at(-1) ?? "";
  return lastKind(sentence);
}

/** A list item's label ("  • 开源模型") or a heading: the kind it ends with, or each of "课程与书籍"'s. */
function labelKinds(label: string): NameKind[] {
  const parts = label
    .replace(/[#*•\-\s\d.、]+/gu, "")
    .split(/[与和及&/、]/u)
    .filter((part) => part.length > 0);
  return parts.flatMap((part) => {
    const word = KIND_LAST.exec(part);
    const kind = word && kindOfWord(word[0]);
    return kind ? [kind] : [];
  });
}

const KIND_LAST = new RegExp(`(?:${KIND_WORD.source})$`, "iu");

const LABEL_LINE = /^\s*(?:[-*+•·●▪]|\d{1,2}[.、)])\s+(?:\*\*)?([^，,。.;；:：!！?？\n*]{1,12})(?:\*\*)?\s*$/u;
const LINK = /\[([^\]]*)\]\([^)]*\)/gu;
const WORK_TITLE = /《([^》]{1,60})》/gu;

/**
 * A work's English title ("Build a Large Language Model (From Scratch)", "LLM Powered Autonomous
 * Agents"): three Latin words or more, in a text with no Chinese or with a plain lowercase word. Its
 * capitalised words are no names. "GPT，GPT-2，GPT-3 论文精读" names models.
 */
function isEnglishTitle(title: string): boolean {
  const words = namesIn(title);
  return words.length >= 3 && (!/\p{Script=Han}/u.test(title) || words.some((word) => /^[a-z]+$/u.test(word)));
}

/** Three levels of evidence: what the text says of the name, a label over it, a title it is a word of. */
interface Evidence {
  said: Map<string, Set<NameKind>>;
  labelled: Map<string, Set<NameKind>>;
  titled: Set<string>;
}

function add(map: Map<string, Set<NameKind>>, name: string, kind: NameKind): void {
  const folded = name.toLowerCase();
  let kinds = map.get(folded);
  if (!kinds) map.set(folded, (kinds = new Set()));
  kinds.add(kind);
}

function namesIn(text: string): string[] {
  return [...text.matchAll(LATIN_NAME)].map(({ 0: name }) => name);
}

/** A link's address, blanked to its length: the words of a path are no names, and positions stay. */
const LINK_ADDRESS = /\bhttps?:\/\/[^\s)>\]]+/giu;

function readChunk(chunk: Chunk, evidence: Evidence): void {
  // "[MAP-NEO](…)：唯一全过程开源的中文大模型": a link's text is read where it stands, its markup and address blanked.
  const text = chunk.text
    .replace(LINK, (link, anchor: string) => ` ${anchor}${" ".repeat(link.length - anchor.length - 1)}`)
    .replace(LINK_ADDRESS, (address) => " ".repeat(address.length));
  for (const run of text.matchAll(NAME_RUN)) {
    const end = run.index + run[0].length;
    const kind = kindAfterRun(text.slice(end, end + 80)) ?? kindBeforeRun(text.slice(Math.max(0, run.index - 80), run.index));
    if (kind) for (const name of namesIn(run[0])) add(evidence.said, name, kind);
  }
  // A label names the kind of what its item (the lines up to the next label) lists.
  const heading = labelKinds(chunk.headingPath.at(-1) ?? "");
  let label: NameKind[] = heading;
  for (const line of text.split("\n")) {
    const labelled = LABEL_LINE.exec(line);
    if (labelled) {
      const kinds = labelKinds(labelled[1]!);
      label = kinds.length > 0 ? kinds : heading;
      continue;
    }
    for (const name of namesIn(line)) for (const kind of label) add(evidence.labelled, name, kind);
  }
  for (const { 1: title } of [...chunk.text.matchAll(LINK), ...chunk.text.matchAll(WORK_TITLE)]) {
    if (isEnglishTitle(title!)) for (const word of namesIn(title!)) evidence.titled.add(word.toLowerCase());
  }
  // "《深度学习》(Ian Goodfellow)", "… by Zeyuan Allen-Zhu": who wrote or gave a work.
  for (const { 1: person } of [...text.matchAll(AUTHOR_AFTER_TITLE), ...text.matchAll(BY_PERSON)])
    for (const name of namesIn(person!)) add(evidence.said, name, "person");
  // A link's host names a site (github.com, blog.csdn.net → GitHub, CSDN), as a label would.
  for (const link of chunk.links) {
    const site = siteOf(link.url);
    if (site) add(evidence.labelled, site, "site");
  }
}

const AUTHOR_AFTER_TITLE = /》\s*[（(]\s*([A-Z][a-z]+(?:[\s-]+[A-Z][a-z]+)+)\s*[)）]/gu;
const BY_PERSON = /\bby\s+([A-Z][a-z]+(?:[\s-]+[A-Z][a-z]+)+)/gu;

/** The name a link's host stands for: its label before the public suffix (space.bilibili.com → bilibili). */
function siteOf(url: string): string | undefined {
  const host = /^https?:\/\/([^/:?#]+)/iu.exec(url)?.[1];
  return host?.split(".").at(-2);
}

/** The kinds of the names a set of chunks uses; a name with no evidence has none (kindsOf → undefined). */
export class NameKinds {
  private constructor(private readonly kinds: ReadonlyMap<string, ReadonlySet<NameKind>>) {}

  static of(chunks: readonly Chunk[]): NameKinds {
    const evidence: Evidence = { said: new Map(), labelled: new Map(), titled: new Set() };
    for (const chunk of chunks) readChunk(chunk, evidence);
    // The glossary's people (Andrew Ng, Karpathy) are people wherever they are named.
    for (const entry of GLOSSARY) if (entry.person) for (const name of entry.en.flatMap(namesIn)) add(evidence.said, name, "person");
    const kinds = new Map<string, ReadonlySet<NameKind>>(evidence.said);
    for (const [name, labelled] of evidence.labelled) if (!kinds.has(name)) kinds.set(name, labelled);
    for (const name of evidence.titled) if (!kinds.has(name)) kinds.set(name, new Set(["title"]));
    return new NameKinds(kinds);
  }

  /**
   * Whether a name may be a thing of this kind: the documents show it to be one, or say nothing of
   * what kind of thing it is. A method or technique is said of models and tools alike ("知识蒸馏等技术，
   * 如 TinyLlama"; a "核心开发技术" heading over FastAPI): it tells no thing's kind.
   */
  admits(name: string, kind: NameKind): boolean {
    const kinds = this.kindsOf(name);
    return !kinds || kinds.has(kind) || [...kinds].every((known) => known === "method");
  }

  /** Whether the documents show a name to be a thing of this kind ("GPT模型", "如调用ChatGPT等模型的API"). */
  shows(name: string, kind: NameKind): boolean {
    return this.kindsOf(name)?.has(kind) ?? false;
  }

  kindsOf(name: string): ReadonlySet<NameKind> | undefined {
    return this.kinds.get(name.toLowerCase());
  }
}
