/** Which embedder produced an index's vectors; an index is only searched with the same one. */
export interface EmbedderIdentity {
  provider: "local" | "openai";
  model: string;
  dimensions: number;
}
