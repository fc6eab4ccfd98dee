import { indentOf, isListLine } from "../retrieval/listItems.js";
import { keyItems } from "./roadmapSummary.js";

/**
 * What a quoted sentence needs from around it to be read alone, in a list-shaped passage:
 *   - the label of the item it is a sub-item of ("需要算力最多" under "4. 预训练：…" is about 预训练);
 *   - the items a sentence ending in a colon introduces ("可选择以下方向深入：" → 应用开发方向、…).
 * Only from the passage's own lines, quoted as they are.
 */
const LIST_MARK = /^\s*(?:[-*+•·●▪]|\d{1,2}[.)、])\s+/u;
const MAX_LABEL_CHARS = 24;
const MAX_INTRODUCED = 6;

function cleaned(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s*/u, "")
    .replace(LIST_MARK, "")
    .replace(/\*\*/g, "")
    .trim();
}

/** An item's label: the words before its colon, or the whole line when short ("4. 预训练：创造…" → 预训练). */
function labelOf(line: string): string | undefined {
  const text = cleaned(line);
  const labelled = /^([^：:]{1,40}?)\s*[：:]/u.exec(text);
  const label = labelled ? labelled[1]!.trim() : text;
  return label.length > 0 && Array.from(label).length <= MAX_LABEL_CHARS ? label : undefined;
}

export function quoteContext(chunkText: string, sentence: string): { parent?: string; introduced?: string[] } {
  const lines = chunkText.split(/\r?\n/);
  const at = lines.findIndex((line) => cleaned(line).includes(sentence));
  if (at < 0) return {};
  const line = lines[at]!;
  const context: { parent?: string; introduced?: string[] } = {};
  const indent = indentOf(line);
  if (isListLine(line) && indent > 0) {
    for (let i = at - 1; i >= 0; i--) {
      const above = lines[i]!;
      if (above.trim() === "") continue;
      if (indentOf(above) < indent) {
        const label = labelOf(above);
        if (label && !sentence.includes(label)) context.parent = label;
        break;
      }
    }
  }
  if (/[：:]$/u.test(sentence)) {
    const following: string[] = [];
    for (let i = at + 1; i < lines.length && following.length < MAX_INTRODUCED * 2; i++) {
      const below = lines[i]!;
      if (below.trim() === "") continue;
      if (!isListLine(below)) break;
      following.push(below);
    }
    const items = keyItems(following.filter((l) => indentOf(l) === Math.min(...following.map(indentOf))).join("\n"), []);
    if (items.length > 0) context.introduced = items.slice(0, MAX_INTRODUCED);
  }
  return context;
}
