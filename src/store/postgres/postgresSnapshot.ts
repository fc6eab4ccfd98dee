import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type pg from "pg";
import type { Chunk } from "../../chunking/types.js";
import type { CorpusDocument, Resource, Section } from "../../corpus/types.js";
import { IndexMismatch, IndexNotReady } from "../../errors.js";
import { describeEmbedder, sameEmbedder } from "../../index/describeEmbedder.js";
import { IndexEmbeddings } from "../../index/IndexEmbeddings.js";
import type { EmbedderIdentity } from "../../embeddings/types.js";
import type { IndexManifest } from "../../index/types.js";
import type { DenseHit, IndexSnapshot, LexicalHit } from "../types.js";
import { BM25_SQL, queryTerms } from "./lexicalSql.js";
import { vectorLiteral } from "./vectors.js";

/** The live version id, or undefined before the first ingest. */
export async function liveVersion(pool: pg.Pool): Promise<string | undefined> {
  const result = await pool.query<{ version: string }>("SELECT version::text AS version FROM current_version");
  return result.rows[0]?.version;
}

/**
 * Load the read model of one version (documents with outlines, chunks, resources, manifest)
 * into memory, inside one read-only transaction so every table is read as of the same moment;
 * searches go to SQL, always for this version, so a flip never mixes two versions in one request.
 */
export async function loadPostgresSnapshot(
  pool: pg.Pool,
  version: string,
  embeddings: EmbeddingsInterface,
  expected: EmbedderIdentity,
): Promise<IndexSnapshot> {
  const client = await pool.connect();
  let manifest: IndexManifest;
  let documents: CorpusDocument[];
  let chunks: Chunk[];
  let resources: Resource[];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const versionRow = await client.query<{ manifest: IndexManifest; dimensions: number }>(
      "SELECT manifest, dimensions FROM index_versions WHERE version = $1",
      [version],
    );
    const row = versionRow.rows[0];
    if (!row)
      throw new IndexNotReady(`Index version ${version} is not in the database (pruned?); run \`npm run ingest -- --store postgres\`.`);
    manifest = row.manifest;
    if (!sameEmbedder(manifest.embedder, expected)) {
      throw new IndexMismatch(
        `The index in the database was built with ${describeEmbedder(manifest.embedder)} but the configured embedder is ${describeEmbedder(expected)}; rebuild with npm run ingest -- --store postgres.`,
      );
    }
    const [docRows, sectionRows, chunkRows, resourceRows] = [
      await client.query<{ doc_id: string; document: Omit<CorpusDocument, "outline"> }>(
        "SELECT doc_id, document FROM documents WHERE version = $1 ORDER BY ord",
        [version],
      ),
      await client.query<{
        doc_id: string;
        section_index: number;
        heading: string;
        level: number;
        heading_path: string[];
        start_line: number;
        end_line: number;
        parent: number | null;
      }>(
        "SELECT doc_id, section_index, heading, level, heading_path, start_line, end_line, parent FROM outlines WHERE version = $1 ORDER BY doc_id, section_index",
        [version],
      ),
      await client.query<{ chunk: Chunk }>("SELECT chunk FROM chunks WHERE version = $1 ORDER BY ord", [version]),
      await client.query<{ doc_id: string; title: string; url: string; source: string; heading_path: string[]; line: number }>(
        "SELECT doc_id, title, url, source, heading_path, line FROM resources WHERE version = $1 ORDER BY ord",
        [version],
      ),
    ];
    await client.query("COMMIT");
    const outlines = new Map<string, Section[]>();
    for (const s of sectionRows.rows) {
      const section: Section = {
        index: s.section_index,
        heading: s.heading,
        level: s.level,
        headingPath: s.heading_path,
        startLine: s.start_line,
        endLine: s.end_line,
      };
      if (s.parent !== null) section.parent = s.parent;
      let list = outlines.get(s.doc_id);
      if (!list) outlines.set(s.doc_id, (list = []));
      list.push(section);
    }
    documents = docRows.rows.map((r) => ({ ...r.document, outline: outlines.get(r.doc_id) ?? [] }));
    chunks = chunkRows.rows.map((r) => r.chunk);
    resources = resourceRows.rows.map((r) => ({
      title: r.title,
      url: r.url,
      docId: r.doc_id,
      source: r.source,
      headingPath: r.heading_path,
      line: r.line,
    }));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }

  const dimensions = manifest.embedder.dimensions;
  const queryEmbeddings = new IndexEmbeddings(embeddings, manifest.embedder);
  return {
    store: "postgres",
    version,
    manifest,
    documents,
    chunks,
    chunkById: new Map(chunks.map((chunk) => [chunk.id, chunk])),
    resources,
    embedQuery: (text) => queryEmbeddings.queryVector(text),
    async nearest(vector, k, filter): Promise<DenseHit[]> {
      if (k <= 0) return [];
      // The cast to vector(N) matches the per-size HNSW expression index (writeVersion.ts).
      const result = await pool.query<{ chunk_id: string; similarity: number }>(
        `SELECT chunk_id, 1 - (embedding::vector(${dimensions}) <=> $2::vector(${dimensions})) AS similarity
         FROM chunks
         WHERE version = $1 AND dimensions = ${dimensions} AND ($3::text[] IS NULL OR doc_id = ANY($3::text[]))
         ORDER BY embedding::vector(${dimensions}) <=> $2::vector(${dimensions})
         LIMIT $4`,
        [version, vectorLiteral(vector), filter?.documentIds ? [...filter.documentIds] : null, k],
      );
      return result.rows.map((r) => ({ chunkId: r.chunk_id, similarity: Number(r.similarity) }));
    },
    async lexicalSearch(query, k, filter): Promise<LexicalHit[]> {
      const terms = queryTerms(query);
      if (k <= 0 || terms.length === 0) return [];
      const result = await pool.query<{ chunk_id: string; score: number; matched: string[] }>(BM25_SQL, [
        version,
        terms,
        filter?.documentIds ? [...filter.documentIds] : null,
        k,
      ]);
      return result.rows.map((r) => ({ chunkId: r.chunk_id, score: Number(r.score), matchedTerms: r.matched }));
    },
  };
}
