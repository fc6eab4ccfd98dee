/**
 * A concept a learner describes without naming it: the passage naming it is cited when it ranks
 * just below the k shown. On the real bundled corpus, with questions written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { withDescribedConceptCited } from "../../src/retrieval/describedConceptCited.js";
import type { Passage } from "../../src/retrieval/types.js";
import type { IndexSnapshot } from "../../src/store/types.js";
import { buildTestIndex, type BuiltTestIndex } from "../support/buildTestIndex.js";

let built: BuiltTestIndex;
let index: IndexSnapshot;
let retriever: HybridRetriever;

beforeAll(async () => {
  built = await buildTestIndex();
  index = built.snapshot;
  retriever = new HybridRetriever({ index: () => index, k: 5, maxChunksPerSection: 2, abstainThreshold: 0.3 });
}, 120_000);
afterAll(() => built?.cleanup());

/** "参数多到一定地步…突然开窍、多出以前没有的本领": the definitions' 涌现能力, named by no word of it. */
const DESCRIBED = "参数多到一定地步，AI 会突然开窍、多出以前没有的本领吗？";
const EMERGENT = "涌现能力";

const holds = (chunk: Chunk, word: string) => `${chunk.headingPath.join(" ")} ${chunk.text}`.includes(word);
const passage = (chunk: Chunk): Passage => ({ chunk, score: 1, role: "match" });

/** Five chunks without the concept's name, then the one naming it, then the rest (all of the index). */
function rankedWithNamingAt(position: number, namingDocId?: string): { matches: Passage[]; fusedIds: string[]; naming: Chunk } {
  const naming = index.chunks.find((c) => holds(c, EMERGENT) && (namingDocId === undefined || c.docId === namingDocId))!;
  const others = index.chunks.filter((c) => !holds(c, EMERGENT)).slice(0, 10);
  const fused = [...others.slice(0, position), naming, ...others.slice(position)];
  return { matches: fused.slice(0, 5).map(passage), fusedIds: fused.map((c) => c.id), naming };
}

describe("withDescribedConceptCited", () => {
  it("gives the last of the k places to a candidate just below them that names the described concept", () => {
    const { matches, fusedIds, naming } = rankedWithNamingAt(5);
    const cited = withDescribedConceptCited(index, DESCRIBED, matches, fusedIds, 5);
    expect(cited.slice(0, 4).map((p) => p.chunk.id)).toEqual(matches.slice(0, 4).map((p) => p.chunk.id));
    expect(cited[4]!.chunk.id).toBe(naming.id);
    // The passage it displaced follows.
    expect(cited[5]!.chunk.id).toBe(matches[4]!.chunk.id);
  });

  it("leaves the passages alone when one of the k already names the concept, or none near the cut does", () => {
    const named = rankedWithNamingAt(2);
    expect(withDescribedConceptCited(index, DESCRIBED, named.matches, named.fusedIds, 5)).toBe(named.matches);
    const far = rankedWithNamingAt(9);
    expect(withDescribedConceptCited(index, DESCRIBED, far.matches, far.fusedIds, 5)).toBe(far.matches);
  });

  it("does nothing for a question that names a concept itself, or describes none", () => {
    const { matches, fusedIds } = rankedWithNamingAt(5);
    // Its terms are its subject: 先后顺序 describing another concept does not make that one cited.
    expect(withDescribedConceptCited(index, `预训练和微调之后，${DESCRIBED}`, matches, fusedIds, 5)).toBe(matches);
    expect(withDescribedConceptCited(index, "第三阶段学多久？", matches, fusedIds, 5)).toBe(matches);
  });

  it("in a roadmap the question names, brings up only that roadmap's passage", () => {
    const { matches, fusedIds, naming } = rankedWithNamingAt(5);
    const other = index.documents.find((d) => d.id !== naming.docId)!;
    expect(withDescribedConceptCited(index, DESCRIBED, matches, fusedIds, 5, other.id)).toBe(matches);
    expect(withDescribedConceptCited(index, DESCRIBED, matches, fusedIds, 5, naming.docId)[4]!.chunk.id).toBe(naming.id);
  });
});

describe("retrieval of a described concept", () => {
  it("cites the passage naming the concept a learner only describes", async () => {
    const result = await retriever.retrieve(DESCRIBED);
    expect(result.passages.slice(0, 5).some((p) => holds(p.chunk, EMERGENT))).toBe(true);
  });
});
