import type { CorpusDocument, Resource } from "../corpus/types.js";
import { chunksOfDocument } from "../retrieval/documentChunks.js";
import type { IndexSnapshot } from "../store/types.js";
import type { CorpusReadModel, ReadModelAccess } from "./readModel.js";

/** The read model over a loaded file index: lookups built once per index version. */
export function indexReadModel(index: Pick<IndexSnapshot, "version" | "documents" | "chunks" | "resources">): CorpusReadModel {
  const byKey = new Map<string, CorpusDocument>();
  // Ids win over sources when one document's source equals another's id.
  for (const doc of index.documents) if (!byKey.has(doc.source)) byKey.set(doc.source, doc);
  for (const doc of index.documents) byKey.set(doc.id, doc);
  const roadmaps = index.documents.filter((doc) => doc.kind === "roadmap");
  const version = index.version;
  let resourcesByDoc: Map<string, Resource[]> | undefined;
  return {
    version: () => version,
    documents: () => index.documents,
    findDocument: (idOrSource) => byKey.get(idOrSource),
    roadmaps: () => roadmaps,
    resources: (docId) => {
      if (docId === undefined) return index.resources;
      resourcesByDoc ??= groupBy(index.resources, (r) => r.docId);
      return resourcesByDoc.get(docId) ?? [];
    },
    // The grouping retrieval reads too, made once per index version's chunk array.
    chunksOf: (docId) => chunksOfDocument(index.chunks, docId),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

type IndexSource = { current(): IndexSnapshot; tryCurrent(): IndexSnapshot | undefined };

/** Read models over the live index, one per loaded version (rebuilt only when the index is swapped). */
export function readModelOver(source: IndexSource): ReadModelAccess {
  const models = new WeakMap<IndexSnapshot, CorpusReadModel>();
  const of = (index: IndexSnapshot): CorpusReadModel => {
    let model = models.get(index);
    if (!model) models.set(index, (model = indexReadModel(index)));
    return model;
  };
  return {
    current: () => of(source.current()),
    tryCurrent: () => {
      const index = source.tryCurrent();
      return index ? of(index) : undefined;
    },
  };
}
