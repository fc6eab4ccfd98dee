import { contextualText } from "../../chunking/index.js";
import type { Chunk } from "../../chunking/types.js";
import { BM25 } from "../../index/LexicalIndex.js";
import { tokenizeForSearch } from "../../text/tokenize.js";

/**
 * Lexical search in SQL over our own tokens. Each chunk's contextual text is cut by the same
 * tokenizer as the embedded store (jieba for Chinese, words for Latin script), and the tokens
 * are stored as a tsvector whose lexemes are those tokens verbatim, as the 'simple'
 * configuration would keep a single token (no stemming, no stop words), but without letting
 * Postgres' own parser re-split them. Positions 1..tf record each term's frequency.
 *
 * Ranking: BM25 computed in SQL (bm25Sql below), not ts_rank_cd. ts_rank_cd scores cover
 * density and has no idf, so common words (模型, 学习) would count as much as rare ones; the
 * embedded store ranks by BM25 (MiniSearch's variant), and the two stores must give the same
 * top results. The tsvector's GIN index finds the chunks that hold any query term; the score
 * is idf (from lexical_terms.df) × BM25+ term weight (tf from the positions, length from
 * token_count), summed per query term, times the number of query terms matched. English words
 * of 5+ letters also match longer terms as prefixes (transformer → transformers) at the
 * embedded store's weight.
 */

/** Weight of a prefix match, as in src/index/LexicalIndex.ts (a parity test holds them equal). */
const PREFIX_WEIGHT = 0.375;
/** Postgres keeps at most 256 positions per lexeme, and a lexeme under 2 KB. */
const MAX_POSITIONS = 256;
const MAX_LEXEME_BYTES = 2046;

export interface ChunkTokens {
  /** tsvector literal: 'term':1,2,3 … */
  tsvector: string;
  /** Distinct tokens (BM25 length, as LexicalIndex counts it). */
  distinct: number;
  terms: string[];
}

export function chunkTokens(chunk: Chunk): ChunkTokens {
  const tokens = tokenizeForSearch(contextualText(chunk));
  const counts = new Map<string, number>();
  for (const token of tokens) if (indexable(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
  const lexemes: string[] = [];
  for (const [term, tf] of counts) {
    const positions = Array.from({ length: Math.min(tf, MAX_POSITIONS) }, (_, i) => i + 1).join(",");
    lexemes.push(`${quoteLexeme(term)}:${positions}`);
  }
  return { tsvector: lexemes.join(" "), distinct: new Set(tokens).size, terms: [...counts.keys()] };
}

/** The distinct query tokens, in order, as the embedded store analyses a query. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenizeForSearch(query))].filter(indexable);
}

function indexable(token: string): boolean {
  return token !== "" && Buffer.byteLength(token) <= MAX_LEXEME_BYTES;
}

/** A tsvector/tsquery lexeme in quotes: quotes doubled, backslashes escaped. */
function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * $1 version, $2 query terms (text[]), $3 allowed document ids (text[] or null), $4 k.
 * Ties go to the earlier chunk, as in the embedded store.
 */
export const BM25_SQL = `
WITH query_terms AS (
  SELECT term AS qterm, position AS qpos FROM unnest($2::text[]) WITH ORDINALITY AS q(term, position)
), stats AS (
  SELECT chunk_count, average_length FROM index_versions WHERE version = $1
), parts AS (
  SELECT q.qterm, q.qpos, t.term,
         ln(1 + (s.chunk_count - t.df + 0.5) / (t.df + 0.5)) AS idf,
         CASE WHEN t.term = q.qterm THEN 1.0
              ELSE ${PREFIX_WEIGHT} * length(t.term) / (length(t.term) + 0.3 * (length(t.term) - length(q.qterm))) END AS weight
  FROM query_terms q
  CROSS JOIN stats s
  JOIN lexical_terms t ON t.version = $1
   AND (t.term = q.qterm OR (q.qterm ~ '^[a-z][a-z0-9]{4,}$' AND t.term LIKE q.qterm || '%'))
), wanted AS (
  SELECT string_agg('''' || replace(replace(term, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery AS tsq, array_agg(term) AS terms
  FROM (SELECT DISTINCT term FROM parts) d
), per_term AS (
  SELECT c.chunk_id, c.ord, p.qterm, p.qpos,
         sum(p.weight * p.idf * (${BM25.d} + (array_length(u.positions, 1) * ${BM25.k + 1})
             / (array_length(u.positions, 1) + ${BM25.k} * (1 - ${BM25.b} + ${BM25.b} * c.token_count / s.average_length)))) AS score
  FROM wanted
  JOIN chunks c ON c.version = $1 AND c.tokens @@ wanted.tsq
  CROSS JOIN stats s
  -- Only the query's lexemes of each chunk (marked with weight A, then kept), not all of them:
  -- unnesting whole token lists made the cost grow with chunk length × matching chunks.
  CROSS JOIN LATERAL unnest(ts_filter(setweight(c.tokens, 'A', wanted.terms), '{a}')) AS u(lexeme, positions, weights)
  JOIN parts p ON p.term = u.lexeme
  WHERE ($3::text[] IS NULL OR c.doc_id = ANY($3::text[]))
  GROUP BY c.chunk_id, c.ord, p.qterm, p.qpos
)
SELECT chunk_id, sum(score) * count(*) AS score, array_agg(qterm ORDER BY qpos) AS matched
FROM per_term
GROUP BY chunk_id, ord
ORDER BY 2 DESC, ord
LIMIT $4`;

/** Document frequency of every term over the chunks' token lists. */
export function documentFrequencies(tokenLists: readonly ChunkTokens[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const { terms } of tokenLists) for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}
