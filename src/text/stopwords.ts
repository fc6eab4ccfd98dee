import table from "./stopwords.json" with { type: "json" };

/**
 * The `stopword` package's English and Chinese stop words, read from stopwords.json (written by
 * scripts/build-stopwords.ts): loading the package built its sixty-odd languages' lists, ~30 ms of
 * every server's start, for these two. tests/text/stopwords.test.ts compares them with the package.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([...table.eng, ...table.zho]);
