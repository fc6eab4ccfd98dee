import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cedictGlosses } from "../text/cedict.js";
import type { FieldWordSources } from "../text/fieldWordSelection.js";
import { convertToSimplified } from "../text/script.js";
import { isChineseStopWord, jiebaDictionary } from "../text/tokenize.js";
import { GLOSSARY, termsOf } from "./glossary.js";

/**
 * What fieldWordSelection.ts chooses the segmenter's added words from, as this project holds it:
 * jieba's dictionary, the glossary's Chinese terms (related ones too: they are the field's words),
 * CC-CEDICT's headwords and the corpus's files (Simplified, as the tokenizer reads them).
 */
export function fieldWordSourcesOfProject(corpusDir = "corpus"): FieldWordSources {
  const glossaryTerms = new Set(GLOSSARY.flatMap((entry) => termsOf(entry, { related: true })).map(convertToSimplified));
  return {
    dictionary: jiebaDictionary().toString("utf8"),
    glossaryTerms,
    cedictHeadwords: cedictGlosses().keys(),
    corpusTexts: filesUnder(corpusDir).map((file) => convertToSimplified(readFileSync(file, "utf8"))),
    isStopWord: isChineseStopWord,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
