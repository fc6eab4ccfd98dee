import { describe, expect, it } from "vitest";
import type { TermGroup } from "../../src/retrieval/abstention.js";
import { groupsNotQualifiedBy } from "../../src/retrieval/outsideQualifier.js";

const group = (label: string): TermGroup => ({ label, tokens: [label], weight: 1 });
const labels = (groups: readonly TermGroup[]) => groups.map((g) => g.label);

describe("groupsNotQualifiedBy", () => {
  it("drops a field word written right after an outside subject: the subject's kind of thing", () => {
    // A wedding speech, not the field's speech models; a Django project, not a roadmap's project.
    expect(labels(groupsNotQualifiedBy(["婚礼"], "婚礼致辞怎么写比较感人", [group("致辞"), group("感人")]))).toEqual(["感人"]);
    expect(
      labels(groupsNotQualifiedBy(["django"], "my Django project won't start, what now?", [group("project"), group("start")])),
    ).toEqual(["start"]);
    expect(labels(groupsNotQualifiedBy(["django"], "a django-project template", [group("project")]))).toEqual([]);
  });

  it("keeps a field word written after anything else, or also written elsewhere", () => {
    // 手机 is where the model runs: 模型 is not the phone's.
    expect(labels(groupsNotQualifiedBy(["手机"], "想在手机上跑模型", [group("模型")]))).toEqual(["模型"]);
    expect(labels(groupsNotQualifiedBy(["婚礼"], "婚礼论文和大模型论文哪个难写", [group("论文")]))).toEqual(["论文"]);
    // A Latin subject is read whole: git is not in github.
    expect(labels(groupsNotQualifiedBy(["git"], "github hub pages", [group("hub")]))).toEqual(["hub"]);
  });

  it("keeps every group when no subject is written in the question", () => {
    const groups = [group("论文")];
    expect(groupsNotQualifiedBy([], "毕业论文", groups)).toBe(groups);
    expect(labels(groupsNotQualifiedBy(["考研"], "毕业论文", groups))).toEqual(["论文"]);
  });
});
