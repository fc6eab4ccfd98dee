import { describe, expect, it } from "vitest";
import type { TermGroup } from "../../src/retrieval/abstention.js";
import { groupsBeyondFinishedClause } from "../../src/retrieval/finishedClause.js";

const group = (label: string): TermGroup => ({ label, tokens: [label], weight: 1 });
const labels = (groups: readonly TermGroup[]) => groups.map((g) => g.label);

describe("groupsBeyondFinishedClause", () => {
  it("drops field words written only in what the learner will have finished, when the subject is asked after it", () => {
    const groups = [group("大模型"), group("吉他"), group("品牌")];
    expect(labels(groupsBeyondFinishedClause(["吉他"], "学完大模型课程之后想买把吉他，哪个品牌好？", groups))).toEqual(["吉他", "品牌"]);
    const english = [group("llm"), group("course"), group("guitar")];
    expect(labels(groupsBeyondFinishedClause(["guitar"], "after i finish the llm course, which guitar should i buy?", english))).toEqual([
      "guitar",
    ]);
  });

  it("leaves the question whole when the subject is what was finished, or no clause of finishing is written", () => {
    const groups = [group("雅思"), group("大模型")];
    expect(groupsBeyondFinishedClause(["雅思"], "学完雅思以后学大模型从哪开始", groups)).toEqual(groups);
    expect(groupsBeyondFinishedClause(["吉他"], "大模型和吉他哪个难学", groups)).toEqual(groups);
    // A clause break ends it: "学完了。" says nothing of what follows.
    expect(labels(groupsBeyondFinishedClause(["吉他"], "大模型学完了。以后想学吉他", [group("大模型")]))).toEqual(["大模型"]);
  });

  it("keeps a field word also written beyond the clause", () => {
    const groups = [group("模型")];
    expect(labels(groupsBeyondFinishedClause(["显卡"], "学完模型部署以后，跑模型用什么显卡", groups))).toEqual(["模型"]);
  });
});
