import type { Chunk } from "../chunking/types.js";
import type { Section } from "../corpus/types.js";
import { sectionChunks } from "./documentChunks.js";
import { foldedWithoutSpaces, foldForMatching } from "./listItems.js";
import { headingCode, writtenCode } from "./sectionCodes.js";
import type { NamedPartLookup } from "./namedParts.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { subtreeOf } from "./stageOutline.js";
import { stagesNamedWithStageWord } from "./stageContext.js";

/**
 * "三阶段那篇的原理学习阶段里，大模型核心架构讲完之后接着讲的是哪一块？": a before/after question that names a
 * stage of the roadmap it names and, inside it, one of the stage's own sections by its heading
 * (大模型核心架构). It asks for the section beside that one in the stage (训练技术), not for the next
 * stage: the learner is inside the stage, reading it section by section. Undefined unless the
 * question names exactly one of the stage's sections and it has a neighbour that way.
 */
export function sectionNeighbour(params: {
  query: string;
  direction: "next" | "previous";
  chunks: readonly Chunk[];
  named: RoadmapProfile;
}): NamedPartLookup | undefined {
  const { query, direction, chunks, named } = params;
  const outline = named.doc.outline;
  const asked = foldForMatching(query);
  const [stage] = stagesNamedWithStageWord([named], query);
  // "关键资源汇总后面那一节": without a stage, a section named by its heading among its siblings, when
  // the question moves by sections (a word for a section says so; "X 之后学什么" moves by stages).
  // Inside a stage, any sections that share a parent there: its own sections, and the tracks or
  // directions one of them lists as headings ("专业方向详细路径" → 模型训练与优化专家, 基础架构专家 …).
  const groups = stage
    ? siblingGroupsWithin(outline, stage.stage.sectionIndex)
    : SECTION_WORD.test(query)
      ? [...new Set(outline.map((section) => section.parent))].map((parent) => outline.filter((section) => section.parent === parent))
      : [];
  // Two sections named, one inside the other ("核心开发技术里，API 开发之后"): the one the direction word
  // follows, named last. The same place twice (a heading every stage has) names neither.
  const found = groups.flatMap((sections) => namedIn(asked, sections).map((named) => ({ sections, ...named })));
  const last = Math.max(...found.map((f) => f.where));
  const chosen = found.filter((f) => f.where === last);
  if (chosen.length !== 1) return undefined;
  const { sections, at } = chosen[0]!;
  const neighbour = sections[at + (direction === "next" ? 1 : -1)];
  // "ninehills 清单 0x36 的下一节", "深入篇之后还有别的章节吗": the section the step starts from ends the
  // document (nothing follows its subtree) or opens it; nothing is there, as past a roadmap's last stage.
  if (!neighbour) return stepsOutOfDocument(outline, sections[at]!, direction) ? { pastEnd: sections.length } : undefined;
  const first = sectionChunks(chunks, named.doc, neighbour.index)[0];
  return first ? { part: { passage: { chunk: first, score: 0, role: "match" }, item: neighbour.heading } } : undefined;
}

/** Whether a step from `section` leaves the document: after it, nothing follows its subtree; before it, it is the first section. */
export function stepsOutOfDocument(outline: readonly Section[], section: Section, direction: "next" | "previous"): boolean {
  if (direction === "previous") return outline[0] === section;
  const last = Math.max(...subtreeOf(outline, section));
  return outline.every((other) => other.index <= last);
}

/**
 * sectionNeighbour in the roadmap the question names, else in the one roadmap with a stage of the
 * name the question gives with its stage word ("深入篇那几个方向里，推理优化后面是哪个"), else in the one
 * roadmap where the question finds a section to move from ("关键资源汇总后面那一节").
 */
export function sectionNeighbourIn(params: {
  query: string;
  direction: "next" | "previous";
  chunks: readonly Chunk[];
  named: RoadmapProfile | undefined;
  profiles: readonly RoadmapProfile[];
}): NamedPartLookup | undefined {
  const { named, profiles, ...asked } = params;
  if (named) return sectionNeighbour({ ...asked, named });
  const stages = stagesNamedWithStageWord(profiles, asked.query);
  const staged = stages.length === 1 ? profiles.find((p) => p.doc.id === stages[0]!.stage.docId) : undefined;
  if (staged) return sectionNeighbour({ ...asked, named: staged });
  const found = profiles.map((profile) => sectionNeighbour({ ...asked, named: profile })).filter((part) => part !== undefined);
  return found.length === 1 ? found[0] : undefined;
}

/** The sections under a stage, grouped by their parent (the stage first), in reading order. */
function siblingGroupsWithin(outline: readonly Section[], stageIndex: number): Section[][] {
  const stage = outline.find((section) => section.index === stageIndex);
  if (!stage) return [];
  const within = subtreeOf(outline, stage);
  const parents = [...within].filter((index) => outline.some((section) => section.parent === index));
  return parents.map((parent) => outline.filter((section) => section.parent === parent));
}

/**
 * "the numbered section right after", 后面那一节, 下一部分, 前一个方向: the question moves by sections
 * (a list's directions, as the reading list's 0x31–0x36 and the guide's tracks are, are its sections).
 */
export const SECTION_WORD = /小节|一节|那节|章节|板块|(?:下|上|前|后面?)一?个方向|\bsections?\b|\bsubsections?\b|\bheadings?\b/iu;

/** The places among `sections` of the ones the question names by their whole heading or what sets it apart. */
function namedIn(asked: string, sections: readonly { heading: string }[]): { at: number; where: number }[] {
  // "0x35 的上一节": a section code of the hexadecimal kind names its section alone (a "3." or "三、"
  // is any number a question may hold).
  // Spaces folded away on both sides: "API开发" names the heading "API 开发". Every place below is an
  // end in this spaceless text, so places found by code and by name compare.
  const spaceless = asked.replace(/\s+/gu, "");
  const byCode = sections.flatMap((section, at) => {
    const code = headingCode(section.heading);
    const found = code ? writtenCode(code).exec(spaceless) : null;
    return found ? [{ at, where: found.index + found[0].length }] : [];
  });
  if (byCode.length > 0) return byCode;
  const heading = foldedWithoutSpaces;
  // The code comes off before folding: folding drops the 、 that ends "五、".
  const cores = headingCores(sections.map((section) => section.heading.replace(SECTION_CODE, ""))).map(heading);
  return sections.flatMap((section, at) => {
    const whole = heading(section.heading);
    const core = cores[at]!;
    const name = [whole, core].find((text) => Array.from(text).length >= MIN_HEADING && spaceless.includes(text));
    return name === undefined ? [] : [{ at, where: spaceless.lastIndexOf(name) + name.length }];
  });
}

/** Shorter headings (目标) are words any question may hold. */
const MIN_HEADING = 3;

/** A section code before a heading: "0x35 ", "3. ", "三、". */
const SECTION_CODE = /^(?:0x[0-9a-f]+|\d{1,2}(?:\.\d{1,2})*[.、]?|[一二三四五六七八九十]{1,3}[、.])\s*/iu;

/**
 * What sets each sibling heading apart: without its section code, and without the words every
 * sibling opens or ends with ("0x35 大模型推理优化方向" → 推理优化 beside 大模型…方向 siblings), as a
 * learner names it ("推理优化后面是哪个方向"). Fewer than three siblings share nothing worth dropping.
 */
function headingCores(headings: readonly string[]): string[] {
  const bare = headings.map((h) => h.replace(SECTION_CODE, "").trim());
  if (bare.length < 3) return bare;
  const prefix = commonPrefix(bare);
  const suffix = commonPrefix(bare.map((h) => Array.from(h).reverse().join("")));
  return bare.map((h) => {
    const chars = Array.from(h);
    return chars
      .slice(Array.from(prefix).length, chars.length - Array.from(suffix).length)
      .join("")
      .trim();
  });
}

function commonPrefix(texts: readonly string[]): string {
  const first = Array.from(texts[0] ?? "");
  let length = first.length;
  for (const text of texts.slice(1)) {
    const chars = Array.from(text);
    let i = 0;
    while (i < length && i < chars.length && chars[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join("");
}
