import type { DocumentCard, DocumentFact } from "./types.js";

/**
 * A document's own facts (who wrote it, when it was posted or updated, its tags, title, link), as
 * its front matter or its byline block states them: "哪天发的" or "who wrote it" is answered by
 * these lines, which cleaning blanks (front matter) or leaves in a passage full of other text.
 * Which fact a key states is data: the keys static-site generators and blog exports write.
 */
const FACT_KEYS: readonly { fact: DocumentFact; key: RegExp }[] = [
  { fact: "author", key: /^(?:authors?|author_name|by|writer|作者|博主|发布者|發布者)$/i },
  {
    fact: "date",
    key: /^(?:date|created(?:[ _]at)?|updated(?:[ _]at)?|last[ _]updated|published(?:[ _]at)?|modified|日期|发布(?:时间|日期|于)|發布(?:時間|日期|於)|创建(?:时间|于)|建立(?:時間|於)|更新(?:时间|日期|于)|更新(?:時間|日期|於))$/i,
  },
  { fact: "tags", key: /^(?:tags?|labels?|categories|category|keywords|标签|標籤|分类|分類|关键词|關鍵詞)$/i },
  { fact: "title", key: /^(?:title|标题|標題)$/i },
  { fact: "link", key: /^(?:link(?: and comments)?|url|source_?url|permalink|原文(?:链接|鏈接)?)$/i },
];

/** "key: value", the key optionally bold, the line optionally quoted or a list item ("> Author: **ninehills**"). */
const KEY_VALUE = /^\s*(?:>\s*)?(?:[-*]\s+)?(?:\*\*)?([^:：*<>[\]]{1,24}?)(?:\*\*)?\s*[:：]\s*(.*?)\s*$/;
/** A value that says nothing: empty, or YAML's empty list or null. */
const EMPTY_VALUE = /^(?:|\[\s*\]|~|null|''|"")$/;

function factOfLine(line: string): DocumentFact | undefined {
  const match = KEY_VALUE.exec(line);
  if (!match || EMPTY_VALUE.test(match[2]!.replace(/\*\*/g, "").trim())) return undefined;
  const key = match[1]!.trim();
  return FACT_KEYS.find((entry) => entry.key.test(key))?.fact;
}

/**
 * The card of a document, from its raw lines (front matter, `frontMatterLines` of them) and its
 * cleaned lines (a byline block at the top: the title heading, then "Author: …", "Created: …",
 * "更新时间：…" lines, blank lines between them allowed). Undefined when it states no fact.
 * Line numbers are the file's, 1-based.
 */
export function documentCardOf(rawLines: readonly string[], frontMatterLines: number, cleanedLines: readonly string[]): DocumentCard | undefined {
  const stated: { line: number; text: string; fact: DocumentFact }[] = [];
  for (let index = 1; index < frontMatterLines - 1; index++) {
    const fact = factOfLine(rawLines[index] ?? "");
    if (fact) stated.push({ line: index + 1, text: rawLines[index]!.trim(), fact });
  }
  for (let index = frontMatterLines; index < cleanedLines.length; index++) {
    const line = cleanedLines[index] ?? "";
    if (line.trim() === "" || (stated.length === 0 && /^#\s/.test(line))) continue;
    const fact = factOfLine(line);
    if (!fact) break;
    stated.push({ line: index + 1, text: line.trim(), fact });
  }
  if (stated.length === 0) return undefined;
  return {
    startLine: stated[0]!.line,
    endLine: stated[stated.length - 1]!.line,
    text: stated.map((entry) => entry.text).join("\n"),
    lines: stated,
  };
}
