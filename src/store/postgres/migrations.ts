/**
 * The database schema, as numbered migrations. Each runs once, in its own transaction, and is
 * recorded in schema_version; `npm run db:migrate` applies the missing ones and is idempotent.
 * They live in TypeScript (not .sql files) so the compiled build in dist/ carries them.
 *
 * Every row of the index is keyed by its index version: an ingest writes a whole new version
 * beside the live one and flips current_version in one transaction; deleting a version cascades.
 * The HNSW index on chunks.embedding is per vector size (an expression index on
 * embedding::vector(N)), created by the first ingest of that size: see writeVersion.ts.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "index versions, read model, chunks with vectors and lexical tokens, embedding cache",
    sql: `
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE index_versions (
  version bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  manifest jsonb NOT NULL,
  dimensions integer NOT NULL CHECK (dimensions > 0),
  chunk_count integer NOT NULL,
  -- BM25: mean distinct tokens per chunk.
  average_length double precision NOT NULL
);

-- One row: the version every replica serves.
CREATE TABLE current_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL REFERENCES index_versions (version),
  flipped_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE documents (
  version bigint NOT NULL REFERENCES index_versions (version) ON DELETE CASCADE,
  doc_id text NOT NULL,
  ord integer NOT NULL,
  source text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  -- The rest of the document (metadata, text, links…) as the corpus stage made it.
  document jsonb NOT NULL,
  PRIMARY KEY (version, doc_id)
);

CREATE TABLE outlines (
  version bigint NOT NULL,
  doc_id text NOT NULL,
  section_index integer NOT NULL,
  heading text NOT NULL,
  level integer NOT NULL,
  heading_path text[] NOT NULL,
  start_line integer NOT NULL,
  end_line integer NOT NULL,
  parent integer,
  PRIMARY KEY (version, doc_id, section_index),
  FOREIGN KEY (version, doc_id) REFERENCES documents (version, doc_id) ON DELETE CASCADE
);

CREATE TABLE resources (
  version bigint NOT NULL REFERENCES index_versions (version) ON DELETE CASCADE,
  ord integer NOT NULL,
  doc_id text NOT NULL,
  title text NOT NULL,
  url text NOT NULL,
  source text NOT NULL,
  heading_path text[] NOT NULL,
  line integer NOT NULL,
  PRIMARY KEY (version, ord)
);

CREATE TABLE chunks (
  version bigint NOT NULL REFERENCES index_versions (version) ON DELETE CASCADE,
  chunk_id text NOT NULL,
  ord integer NOT NULL,
  doc_id text NOT NULL,
  chunk jsonb NOT NULL,
  cache_key text NOT NULL,
  dimensions integer NOT NULL,
  embedding vector NOT NULL,
  -- Our own tokens (src/text/tokenize.ts) as lexemes; positions 1..tf carry the term frequency.
  tokens tsvector NOT NULL,
  -- BM25 document length: distinct tokens.
  token_count integer NOT NULL,
  PRIMARY KEY (version, chunk_id)
);
CREATE INDEX chunks_version_ord ON chunks (version, ord);
CREATE INDEX chunks_tokens ON chunks USING gin (tokens);

-- Document frequency per term and version (BM25 idf), and prefix lookups for English words.
CREATE TABLE lexical_terms (
  version bigint NOT NULL REFERENCES index_versions (version) ON DELETE CASCADE,
  term text NOT NULL,
  df integer NOT NULL,
  PRIMARY KEY (version, term)
);
CREATE INDEX lexical_terms_prefix ON lexical_terms (version, term text_pattern_ops);

-- Vectors already paid for, by embedder namespace and text hash (src/index/embeddingCache.ts keys).
CREATE TABLE embedding_cache (
  namespace text NOT NULL,
  key text NOT NULL,
  embedding vector NOT NULL,
  PRIMARY KEY (namespace, key)
);
`,
  },
];

/** The schema version this build expects. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
