import { describe, expect, it } from "vitest";
import { plainPreview } from "../../src/text/plainPreview.js";

describe("plainPreview", () => {
  it("strips the markdown a roadmap passage shows as raw ** in a preview", () => {
    expect(plainPreview("- **循序渐进**：从基础概念到复杂技术\n- **理论结合实践**：每个阶段都有动手项目")).toBe(
      "循序渐进：从基础概念到复杂技术 理论结合实践：每个阶段都有动手项目",
    );
    expect(plainPreview("## 第三阶段\n> 用 `LoRA` 和 *QLoRA* 微调，见 [论文](https://arxiv.org/abs/2106.09685) 与 __PEFT__")).toBe(
      "第三阶段 用 LoRA 和 QLoRA 微调，见 论文 与 PEFT",
    );
    expect(plainPreview("1. 先学 Python\n2) 再学 PyTorch")).toBe("先学 Python 再学 PyTorch");
  });

  it("leaves text without markdown, and stray asterisks in formulas, alone", () => {
    expect(plainPreview("a * b = c, 2*3*4")).toBe("a * b = c, 2*3*4");
    expect(plainPreview("snake_case_name and 学习路线")).toBe("snake_case_name and 学习路线");
  });
});
