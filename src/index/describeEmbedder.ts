import type { EmbedderIdentity } from "../embeddings/types.js";

/** "local/hashed-lexical-v1 (1024 dims)"; a remote model whose size is not known yet has no count. */
export function describeEmbedder(identity: EmbedderIdentity): string {
  const size = identity.dimensions > 0 ? ` (${identity.dimensions} dims)` : "";
  return `${identity.provider}/${identity.model}${size}`;
}

/** Whether vectors from `configured` can be searched in an index built by `built`. */
export function sameEmbedder(built: EmbedderIdentity, configured: EmbedderIdentity): boolean {
  return (
    built.provider === configured.provider &&
    built.model === configured.model &&
    (configured.dimensions === 0 || built.dimensions === configured.dimensions)
  );
}
