import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, Resource } from "../corpus/types.js";

/**
 * What the read-only routes and pages need from one index version: documents, roadmaps,
 * resources and a version name, without knowing how the index is stored. The file index
 * implements it (indexReadModel.ts); a database store can implement it too. Kept small and in
 * its own file so it can move below http/ when a store needs it.
 */
export interface CorpusReadModel {
  /** Names the index version; changes whenever the content may have changed. */
  version(): string;
  documents(): readonly CorpusDocument[];
  /** A document by id or by source path. */
  findDocument(idOrSource: string): CorpusDocument | undefined;
  /** The documents of kind "roadmap", in corpus order. */
  roadmaps(): readonly CorpusDocument[];
  /** The links catalogue, in corpus order; one document's when docId is given. */
  resources(docId?: string): readonly Resource[];
  /** One document's passages, in reading order (roadmap stages are drawn from them). */
  chunksOf(docId: string): readonly Chunk[];
}

/** The live read model: the index can be swapped while the server runs. */
export interface ReadModelAccess {
  /** The current version; throws IndexNotReady while none is loaded. */
  current(): CorpusReadModel;
  /** The current version, or undefined while none is loaded. */
  tryCurrent(): CorpusReadModel | undefined;
}
