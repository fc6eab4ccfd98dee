import { describe, expect, it } from "vitest";
import { IndexResources } from "../../src/retrieval/indexResources.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

describe("IndexResources.typoRepaired on the bundled corpus", () => {
  const built = useBundledTestIndex();
  const repaired = (question: string) => IndexResources.of(built().snapshot).typoRepaired(question);

  it("repairs a field person's Chinese name misspelt by sound, as it repairs a Latin misspelling", () => {
    expect(repaired("吴恩打的课哪几份路线有推荐？")).toBe("吴恩达的课哪几份路线有推荐？");
    expect(repaired("Pytoch 的课哪几份路线有推荐？")).toBe("pytorch 的课哪几份路线有推荐？");
  });

  it("leaves every other Han window, which sounds like a corpus word as often as it is no typo", () => {
    expect(repaired("怎么做大模型微掉")).toBe("怎么做大模型微掉");
    expect(repaired("大模型私有化部署到底有啥好处？")).toBe("大模型私有化部署到底有啥好处？");
  });
});
