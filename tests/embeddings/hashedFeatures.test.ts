import { describe, expect, it } from "vitest";
import { featuresOf, featuresOfPieces, internedNames } from "../../src/embeddings/hashedFeatures.js";
import { fnv1a } from "../../src/text/fnv1a.js";

/** The bigram features as the pattern reads them: each /\p{Script=Han}+/gu run's neighbouring code points, counted in order first seen. */
function patternBigrams(text: string): { hashes: number[]; counts: number[] } {
  const hashes: number[] = [];
  const counts: number[] = [];
  const at = new Map<string, number>();
  for (const [run] of text.normalize("NFKC").matchAll(/\p{Script=Han}+/gu)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) {
      const name = `b:${chars[i]!}${chars[i + 1]!}`;
      const known = at.get(name);
      if (known !== undefined) counts[known]!++;
      else {
        at.set(name, hashes.length);
        hashes.push(fnv1a(name));
        counts.push(1);
      }
    }
  }
  return { hashes, counts };
}

const TEXTS = [
  "什么是微调",
  "LoRA 微调和全量微调有什么区别？微调",
  "大模型\u3000推理 优化",
  "𠀀𠀁中文𠀂", // Han beyond the BMP, first, inside and last in a run
  "中\uD840文\uDC00字", // lone surrogates end a run
  "\uD840\uDC00",
  "Ｌｏｒａ 微調 和 ﬁne-tuning", // NFKC: full-width Latin, a ligature, Traditional characters stay Han
  "中",
  "",
  "no han at all",
  "〇一二三 々 〆", // Han-script symbols beside others
];

describe("featuresOf bigrams", () => {
  it("are the Han runs' neighbouring code points as /\\p{Script=Han}+/gu finds the runs, counted in order", () => {
    for (const text of TEXTS) {
      const features = featuresOf(text, []);
      expect({ hashes: features.hashes, counts: features.counts }, text).toEqual(patternBigrams(text));
      expect(features.weights.every((w) => w === 0.5)).toBe(true);
    }
  });

  it("are the same read from a question's pieces", () => {
    for (const text of TEXTS) {
      const whole = featuresOf(text, []);
      const pieced = featuresOfPieces(text);
      const bigramHashes = new Set(whole.hashes);
      const piecedBigrams: number[] = [];
      for (let i = 0; i < pieced.size; i++) {
        const hash = internedNames.hashes[pieced.ids[i]!]!;
        if (bigramHashes.has(hash)) piecedBigrams.push(hash);
      }
      expect(piecedBigrams, text).toEqual(whole.hashes);
    }
  });
});
