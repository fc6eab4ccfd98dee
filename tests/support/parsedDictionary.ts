import { cedictEnglishWords } from "../../src/text/cedict.js";

/**
 * A setup file (vitest.config.ts): each test worker parses CC-CEDICT once, before its first
 * test file, and keeps it, as a server process that read it does.
 *
 * Why: an ingest that finds the dictionary unparsed parses the 11 MB file for the lexicon
 * (src/ingest/buildLexicon.ts) and drops it afterwards, so every fresh ingest a test runs paid
 * ~1 s of CPU for it again: ~33 a run in the workers (ingestCorpus.test alone ten,
 * postgres/ingest four, the suites that build fixture indexes eight). Held, each ingest reads
 * the same parsed entries instead: the lexicon it writes is the same, since parsing is pure and
 * the dictionary never changes. Whether a worker held it already depended on which files ran
 * before (retrieval reads it too, and keeps it), so no test can have relied on an ingest
 * parsing it. The memo makes the call free after the first file (the workers share modules:
 * `isolate: false`).
 */
cedictEnglishWords();
