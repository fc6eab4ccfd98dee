import type { Chunk } from "../chunking/types.js";
import type { Section } from "../corpus/types.js";
import { listItems } from "./listItems.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { chunkBodies } from "./roadmapStages.js";
import { nameWords, stageName } from "./stageOutline.js";
import { parseNumber } from "./stageReference.js";

/**
 * "深入篇里第八个方向讲什么", "常见问题的第七个问题": an ordinal that counts the items of a section
 * the question names by its heading, past the last of them. 深入篇 has six directions and the FAQ
 * five questions: whatever passages lead, none is the eighth or the seventh. A stage asked by its
 * place is stageReference.ts's (its count is the roadmap's stages); this reads any other unit a
 * section holds, counted in the roadmap's own structure:
 *   - the section's sub-sections (0x31 … 0x36 under 0x30 深入篇; the FAQ's numbered questions), or,
 *     when it has none, the top-level items of its own list (a 动手项目 section's projects);
 *   - only when the unit is what the section counts: the unit is in the section's heading
 *     (常见问题 for 问题, 动手项目 for 项目) or in most of its sub-sections' headings (…方向).
 *     "入门阶段的第五本书" counts books, which 入门阶段's sub-sections (学习目标, 推荐资源, …) are not:
 *     nothing is read.
 * Every section the question names that counts the unit must hold fewer items than the ordinal;
 * one that holds enough answers it.
 */

/** "第八个方向", "第 7 条建议", "第五本书": the number and the noun after it (a measure word between). */
const COUNTED_ORDINAL = /第\s*([零〇一二两三四五六七八九十\d]{1,3})\s*(个|本|门|条|项|种|份|位|家)?\s*(\p{Script=Han}{1,2})/u;

/** Units that count a roadmap's stages or a thing's parts: stageReference.ts and namedParts.ts read them. */
const STAGE_UNIT = /^(?:阶段|阶|段|步|部分|部|篇|章|期|站|节|周|月|天|年|次)/u;

/** Fewer items than this make no count worth reading. */
const MIN_ITEMS = 2;

export interface CountedOrdinal {
  position: number;
  /** The two characters after the number (and its measure word): the noun, or the noun and what follows it. */
  unit: string;
  /** A measure word stood before it (第五本书): the first character is then the noun itself. */
  measured: boolean;
}

/** The counted ordinal a question states, outside the units of stages and parts. */
export function countedOrdinal(query: string): CountedOrdinal | undefined {
  const match = COUNTED_ORDINAL.exec(query);
  if (!match) return undefined;
  const position = parseNumber(match[1]!);
  const unit = match[3]!;
  if (position === undefined || position < 2 || STAGE_UNIT.test(unit)) return undefined;
  return { position, unit, measured: match[2] !== undefined };
}

/**
 * Whether a heading names the unit: the two characters whole (方向, 问题, 项目), or, after a measure
 * word, the one-character noun (书 of 第五本书是 in 技术书籍). Without a measure word the first
 * character alone may be no noun (第二高的, 第二季).
 */
function namesUnit(heading: string, ordinal: CountedOrdinal): boolean {
  return heading.includes(ordinal.unit) || (ordinal.measured && heading.includes(ordinal.unit[0]!));
}

/** Whether the question names the section by its heading: every word of its name, or the name whole. */
function namesSection(query: string, section: Section): boolean {
  const name = stageName(section.heading);
  if (Array.from(name).length >= 2 && query.includes(name)) return true;
  const words = nameWords(section.heading);
  return words.length > 0 && words.every((word) => query.includes(word));
}

/**
 * How many items of the unit the sections the question names hold, when the ordinal asks past the
 * last in every one of them; undefined when no named section counts the unit, or one holds enough.
 */
export function countedItemsPastEnd(
  query: string,
  profiles: readonly RoadmapProfile[],
  chunks: readonly Chunk[],
): { count: number; heading: string } | undefined {
  const ordinal = countedOrdinal(query);
  if (!ordinal) return undefined;
  let pastEnd: { count: number; heading: string } | undefined;
  for (const { doc } of profiles) {
    let bodyOf: ((section: Section) => string) | undefined;
    for (const section of doc.outline) {
      if (!namesSection(query, section)) continue;
      const children = doc.outline.filter((s) => s.parent === section.index);
      let count: number | undefined;
      if (children.length >= MIN_ITEMS) {
        const counted = children.filter((child) => namesUnit(child.heading, ordinal)).length;
        if (namesUnit(section.heading, ordinal) || counted * 2 > children.length) count = children.length;
      } else if (children.length === 0 && namesUnit(section.heading, ordinal)) {
        bodyOf ??= chunkBodies(chunks, doc.id);
        count = listItems(bodyOf(section))?.length;
      }
      if (count === undefined || count < MIN_ITEMS) continue;
      if (ordinal.position <= count) return undefined;
      if (!pastEnd || count > pastEnd.count) pastEnd = { count, heading: section.heading };
    }
  }
  return pastEnd;
}
