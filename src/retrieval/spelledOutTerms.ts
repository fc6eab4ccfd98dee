/**
 * "指令微调(Instruction Tuning)", "RAG (Retrieval-Augmented Generation)", "自注意力机制(Self - Attention)":
 * the documents spell a term out in English in brackets after it. Those capitalised words are the
 * term's English, not the name of a particular model or tool, so a "which model" check
 * (namedInstance.ts) does not read them as one. Only a run of two or more plain capitalised words
 * (no inner capitals or digits, which names carry: LLaMA-Factory, Qwen2) alone in brackets right
 * after a Chinese term or an acronym: "(Hugging Face)" on its own is a name.
 */
const SPELLED_OUT =
  /(?<=\p{Script=Han}|\b[A-Z]{2,}\s?)[（(]\s*[A-Z][a-z]+(?:\s*[-\s]\s*(?:[A-Z][a-z]+|of|and|the|for|to|in))*\s*[-\s]\s*[A-Z][a-z]+\s*[)）]/gu;

/** The text with its bracketed English spellings of terms blanked out. */
export function withoutSpelledOutTerms(text: string): string {
  return text.replace(SPELLED_OUT, " ");
}
