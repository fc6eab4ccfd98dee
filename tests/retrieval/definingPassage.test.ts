import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { definingChunk, meaningAsked } from "../../src/retrieval/definingPassage.js";

const chunk = (id: string, text: string) => ({ id, text }) as unknown as Chunk;

describe("meaningAsked", () => {
  it("finds the marked word whose meaning a question asks, in Chinese, English or mixed", () => {
    expect(meaningAsked("书单里的【推荐】是啥意思？")).toBe("【推荐】");
    expect(meaningAsked("文中写的「精读」指的是什么")).toBe("精读");
    expect(meaningAsked("书单里【推荐】的意思是什么样的意思？")).toBe("【推荐】");
    expect(meaningAsked("那个【推荐】标记意思是啥")).toBe("【推荐】");
    expect(meaningAsked('what does the list mean when it tags a link "core"?')).toBe("core");
    expect(meaningAsked("那个【入门】tag 什么 meaning")).toBe("【入门】");
  });

  it("asks nothing of a question without a marked word, or not asking a meaning", () => {
    expect(meaningAsked("LoRA 是什么意思")).toBeUndefined();
    expect(meaningAsked("标了【推荐】的有哪几本书")).toBeUndefined();
  });
});

describe("definingChunk", () => {
  it("picks the passage saying what the word means over the ones using it", () => {
    const chunks = [
      chunk("uses", "- 书 A【推荐】\n- 书 B【推荐】\n- 书 C"),
      chunk("defines", "本文分三部分。标为【推荐】的是作者认为必须读的书。"),
    ];
    expect(definingChunk("【推荐】", chunks)?.id).toBe("defines");
    expect(definingChunk("【精读】", chunks)).toBeUndefined();
  });
});
