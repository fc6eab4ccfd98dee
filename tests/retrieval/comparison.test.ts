import { describe, expect, it } from "vitest";
import { comparedSides, comparisonPresent, withSideGlosses } from "../../src/retrieval/comparison.js";
import { confidenceSignals } from "../../src/retrieval/confidence.js";
import { cantoneseAsStandard } from "../../src/text/cantoneseWords.js";
import { passage, retrievalResult } from "../fixtures/answering/passages.js";

describe("comparison questions", () => {
  it("finds the two things compared, in Chinese and English", () => {
    expect(comparedSides("PyTorch 和 TensorFlow 哪个更适合新手？")?.map((s) => [...s])).toEqual([["pytorch"], ["tensorflow"]]);
    expect(comparedSides("Which is better for a beginner, LangChain or LlamaIndex?")?.map((s) => [...s])).toEqual([
      ["langchain"],
      ["llamaindex"],
    ]);
    // No comparison asked, or only one thing named: nothing to check.
    // "X or Y is better": a verdict asked without "which".
    expect(comparedSides("Does the guide reckon TensorFlow or PyTorch is better for a newbie?")?.length).toBe(2);
    expect(comparedSides("考研选计算机视觉还是自然语言处理方向好？")?.length).toBe(2);
    expect(comparedSides("PyTorch 和 TensorFlow 都要学吗？")).toBeUndefined();
    expect(comparedSides("哪个框架更适合新手？")).toBeUndefined();
  });

  it("keeps a one-word name before 'easier than' as the first side, and an adverb of degree out of it", () => {
    expect(comparedSides("Is Gradio easier than Streamlit for a quick demo?")?.map((s) => [...s])).toEqual([["gradio"], ["streamlit"]]);
    expect(comparedSides("Is Gradio much easier than Streamlit?")?.map((s) => [...s])).toEqual([["gradio"], ["streamlit"]]);
  });

  it("reads 同 as joining the two things, and 哪个…些 (哪个快些, 邊個好啲) as a verdict asked", () => {
    expect(comparedSides("FooDB 同 BarDB 哪个好些？")?.map((s) => [...s])).toEqual([["foodb"], ["bardb"]]);
    expect(comparedSides("FooDB 和 BarDB 哪个对中文知识库快一点？")?.map((s) => [...s])).toEqual([["foodb"], ["bardb"]]);
    // Written Cantonese: 同 is "and", 邊個 "which", and 啲 after the quality "more".
    expect(comparedSides(cantoneseAsStandard("FooDB 同 BarDB 邊個啱中文知識庫啲？"))?.map((s) => [...s])).toEqual([["foodb"], ["bardb"]]);
    // Cantonese 定 between two names is 还是; the 定 of 一定 or 确定 joins nothing.
    expect(comparedSides("最後認為 FooDB 定 BarDB 比較好？")?.[1]).toEqual(new Set(["bardb"]));
    expect(comparedSides("FooDB 一定比较好吗")).toBeUndefined();
    // 同 in 同样, 不同 or 相同 joins nothing.
    expect(comparedSides("同样是向量库，FooDB 和 BarDB 有什么不同")?.map((s) => [...s])).toEqual([["foodb"], ["bardb"]]);
    expect(comparedSides("FooDB 跟哪些库相同？")).toBeUndefined();
  });

  it("reads X 还是 Y 比较好 and, after two things named, 推荐用哪种 as asking for a verdict", () => {
    expect(comparedSides("最后认为 FooDB 还是 BarDB 比较好？")?.[1]).toEqual(new Set(["bardb"]));
    expect(comparedSides("FooSplit 和 BarSplit，那篇最后推荐用哪种？")?.length).toBe(2);
    // "推荐用哪个网站" asks for one thing by name, not a verdict between the two named before it.
    expect(comparedSides("想接闭源跟开源模型，推荐用哪个网站？")).toBeUndefined();
  });

  it('reads a choice offered at the end of an English question ("…recommend, X or Y?") as asking for a verdict', () => {
    expect(comparedSides("Which framework does the guide's author recommend, FooNet or BarNet?")?.map((s) => [...s])).toEqual([
      ["foonet"],
      ["barnet"],
    ]);
    expect(comparedSides("What does the list suggest: FooNet or BarNet?")?.length).toBe(2);
    expect(comparedSides("Between FooNet and BarNet, which does the list recommend for beginners?")?.length).toBe(2);
    // Two things named without a choice offered.
    expect(comparedSides("Does the guide recommend FooNet and BarNet for beginners?")).toBeUndefined();
  });

  it("reads 差异 (a difference, in either script) as asking how two things differ", () => {
    expect(comparedSides("FooBench 與 BarBench 兩項基準之間的差異為何？")?.map((s) => [...s])).toEqual([["foobench"], ["barbench"]]);
    expect(comparedSides("FooBench 和 BarBench 的差异是什么")?.map((s) => [...s])).toEqual([["foobench"], ["barbench"]]);
  });

  it("keeps to each side the words that tell it apart", () => {
    const [first, second] = comparedSides("LoRA 和 QLoRA 有什么区别？")!;
    expect(first.has("lora")).toBe(true);
    expect(second.has("qlora")).toBe(true);
    expect(second.has("lora")).toBe(false);
  });

  it("reads a hyphenated name as one name, so two that share a part are told apart", () => {
    const question = "Q-former 跟 Perceiver-resampler 到底差在哪？哪个更省显存？";
    expect(comparedSides(question)?.map((s) => [...s])).toEqual([["q-former"], ["perceiver-resampler"]]);
    expect(comparedSides("ViT-B 和 ViT-L 哪个更适合入门？")?.map((s) => [...s])).toEqual([["vit-b"], ["vit-l"]]);
    // Named side by side in a list: no verdict; one line with a comparative gives it.
    expect(comparisonPresent(question, ["- 连接模块(Q-former, Perceiver-resampler等)"])).toBe(false);
    expect(comparisonPresent(question, ["Q-former 比 Perceiver-resampler 更省显存"])).toBe(true);
  });

  it("is answered only by a passage that names both and compares them", () => {
    const question = "PyTorch 跟 TensorFlow 哪个更容易上手？";
    expect(comparisonPresent(question, ["常用框架：PyTorch、TensorFlow、JAX"])).toBe(false);
    expect(comparisonPresent(question, ["PyTorch 更容易上手", "TensorFlow 适合部署"])).toBe(false);
    expect(comparisonPresent(question, ["PyTorch 比 TensorFlow 更容易上手"])).toBe(true);
    expect(comparisonPresent("这两个框架都要学吗", ["常用框架：PyTorch"])).toBe(true);
  });

  it("reads how one thing stands to the other (one is an application or a kind of the other) as their difference told", () => {
    const question = "检索模型跟排序模型到底差在哪？";
    expect(comparisonPresent(question, ["检索模型与排序模型：排序模型是检索模型在推荐领域的应用。"])).toBe(true);
    expect(
      comparisonPresent("What's the difference between retrieval models and ranking models?", [
        "Ranking models is a kind of retrieval models.",
      ]),
    ).toBe(true);
    // Named together with no relation stated, nor a verdict asked: not told.
    expect(comparisonPresent(question, ["了解检索模型与排序模型的应用场景"])).toBe(false);
    expect(comparisonPresent("检索模型跟排序模型哪个更难？", ["排序模型是检索模型在推荐领域的应用。"])).toBe(false);
  });

  it("reads 最新 / 最近 / 最后 as a place in time or order, not a verdict between the two", () => {
    const question = "PyTorch 跟 TensorFlow 哪个更容易上手？";
    expect(comparisonPresent(question, ["关注 PyTorch、TensorFlow 等框架的最新版本"])).toBe(false);
    expect(comparisonPresent(question, ["最近 PyTorch 和 TensorFlow 都发布了新教程"])).toBe(false);
    expect(comparisonPresent(question, ["PyTorch 和 TensorFlow 里，PyTorch 最容易上手"])).toBe(true);
  });

  it("needs the purpose beside the verdict when the verdict is asked for a job", () => {
    const verdict = "提示词工程比微调更省成本，适合快速验证想法";
    expect(comparisonPresent("提示词工程和微调哪个更适合做法律文书审核？", [verdict])).toBe(false);
    expect(comparisonPresent("提示詞工程跟微調哪個比較適合用來做快速驗證？", [verdict])).toBe(true);
    expect(comparisonPresent("Which is better for building a legal reviewer, prompt engineering or fine-tuning?", [verdict])).toBe(false);
    // Who it suits is no job: the verdict alone answers.
    expect(comparisonPresent("提示词工程和微调哪个更适合新手？", [verdict])).toBe(true);
    expect(comparisonPresent("Which is better for a complete beginner, prompt engineering or fine-tuning?", [verdict])).toBe(true);
  });

  it("reads a question with words between 哪个 and 更, the other thing's attribute, and 'whether X or Y is better'", () => {
    expect(comparedSides("Flask 和 Django 哪个 learning curve 更平缓？")?.map((s) => [...s])).toEqual([["flask"], ["django"]]);
    // "的中文分数" is what is compared about the second thing, not part of its name.
    expect(comparedSides("Mistral 跟 Gemma 的中文分数谁更高？")?.map((s) => [...s])).toEqual([["mistral"], ["gemma"]]);
    expect(comparedSides("Do they say whether Flask or Django is the easier one to start with?")?.[1]).toEqual(new Set(["django"]));
    expect(comparedSides("Which do the guides say is better, Flask or Django?")?.map((s) => [...s])).toEqual([["flask"], ["django"]]);
    // A verb other than "is": which works, performs or runs better.
    expect(comparedSides("For web apps, which does the guide say works better: Flask or Django?")?.map((s) => [...s])).toEqual([
      ["flask"],
      ["django"],
    ]);
    expect(comparedSides("Which performs better on small data, XGBoost or LightGBM?")).toBeDefined();
    // A mixed question asks it in English after 哪个.
    expect(comparedSides("Flask 跟 Django 哪个 better for 新手?")?.map((s) => [...s])).toEqual([["flask"], ["django"]]);
  });

  it("reads a choice between two as asking for a verdict: 选哪个, 推荐 X 还是 Y, X 好还是 Y 好, faster than, should I pick X or Y", () => {
    expect(comparedSides("Keras 跟 JAX 到底选哪个？")?.map((s) => [...s])).toEqual([["keras"], ["jax"]]);
    expect(comparedSides("做向量检索推荐 FAISS 还是 Milvus？")).toBeDefined();
    expect(comparedSides("入门的话 Colab 好还是 Kaggle 好？")).toBeDefined();
    expect(comparedSides("Is Ollama really faster than vLLM on a laptop?")?.map((s) => [...s])).toEqual([["ollama"], ["vllm"]]);
    expect(comparedSides("Should I learn JAX or PyTorch first?")).toBeDefined();
    // Naming both, with no verdict: no answer to a choice.
    expect(comparisonPresent("Keras 跟 JAX 到底选哪个？", ["常用框架：Keras、JAX、PyTorch"])).toBe(false);
    expect(comparisonPresent("Keras 跟 JAX 到底选哪个？", ["新手用 Keras 比 JAX 更容易上手"])).toBe(true);
    // Two things joined without a choice asked are no comparison.
    expect(comparedSides("Keras 和 JAX 都要学吗？")).toBeUndefined();
    // A plain adjective closing "哪个…" asks for a verdict as 更 does; one before a noun names a kind of thing.
    expect(comparedSides("Keras 和 JAX 哪个好用？")?.map((s) => [...s])).toEqual([["keras"], ["jax"]]);
    expect(comparedSides("Keras 同 JAX 哪個強啊")?.map((s) => [...s])).toEqual([["keras"], ["jax"]]);
    expect(comparedSides("Keras 跟 JAX 哪个快一点")).toBeDefined();
    expect(comparedSides("Keras 和 JAX 哪个好的教程多？")).toBeUndefined();
    // Which to learn first is a verdict between the two, in either language.
    expect(comparedSides("Keras 和 JAX，那篇推荐先学哪个？")?.map((s) => [...s])).toEqual([["keras"], ["jax"]]);
    expect(comparedSides("Keras or JAX: which one should a newcomer learn first?")).toBeDefined();
    expect(comparisonPresent("Keras 和 JAX，那篇推荐先学哪个？", ["常用框架：Keras/JAX 是主流框架"])).toBe(false);
    // 先学哪些 asks which things, not which of two.
    expect(comparedSides("Keras 和 JAX 都要学吗？先学哪些基础？")).toBeUndefined();
  });

  it("needs a verdict in one sentence or list item for 'which is better', but not for 'what is the difference'", () => {
    const better = "Flask 和 Django 哪个更适合新手？";
    // A passage that only announces a comparison, or names the two apart, gives no verdict.
    expect(comparisonPresent(better, ["Web 框架比较：对比不同框架的特点，如 Flask、Django 等"])).toBe(false);
    expect(comparisonPresent(better, ["Flask 更轻量。\nDjango 功能齐全，上手成本高"])).toBe(false);
    expect(comparisonPresent(better, ["Flask 比 Django 更适合新手"])).toBe(true);
    // In a list, the item and its sub-items carry the verdict.
    const list = ["1. Flask：轻量框架", "   - 上手更快（优于 Django）", "2. Django：全功能框架", "3. FastAPI：异步框架"].join("\n");
    expect(comparisonPresent(better, [list])).toBe(true);
    // How two things differ is answered by a passage describing each.
    expect(comparisonPresent("Flask 和 Django 有什么区别？", ["Flask 更轻量。\nDjango 功能齐全，上手成本高"])).toBe(true);
  });

  it("reads the ways learners ask how two things differ", () => {
    const sides = (q: string) => comparedSides(q)?.map((s) => [...s]);
    expect(sides("Flask 跟 Django 到底差在哪？")).toEqual([["flask"], ["django"]]);
    expect(sides("Flask 和 Django 哪裡不一樣")).toEqual([["flask"], ["django"]]);
    expect(sides("Flask 跟 Django 有何不同")).toEqual([["flask"], ["django"]]);
    expect(sides("How does Flask differ from Django?")).toEqual([["flask"], ["django"]]);
    // What follows the second thing ("in practice") is not part of its name.
    expect(sides("How is Flask different from Django in practice?")).toEqual([["flask"], ["django"]]);
    // Which one gives / has the better result; a dash sets the two apart from the question before.
    expect(sides("Which one has better docs, Flask or Django?")).toEqual([["flask"], ["django"]]);
    expect(sides("Which framework gives faster startup — Flask or Django?")).toEqual([["flask"], ["django"]]);
    // Twenty-four characters back, a Latin word cut in two is left out ("…ccuracy").
    expect(sides("Which gives better retrieval accuracy semantic splitting or fixed-length?")?.[0]).toEqual(["semantic", "splitting"]);
    // 有啥分别 is 有啥区别; "what distinguishes X from Y" joins the two through from.
    expect(sides("Flask 同 Django 有啥分别？")).toEqual([["flask"], ["django"]]);
    expect(sides("What precisely distinguishes Flask from Django?")?.[1]).toEqual(["django"]);
    expect(sides("What distinguishes Flask from Django?")?.[0]).toContain("flask");
    // 分别 alone is "respectively", no difference asked.
    expect(comparedSides("Flask 和 Django 分别是什么？")).toBeUndefined();
    // "from" joins two things only after differ / different / distinguish.
    expect(comparedSides("Where does the plan start from, and which book?")).toBeUndefined();
  });

  it("does not take two things named in one breath for a description of how they differ", () => {
    const question = "Flask 跟 Django 差在哪？";
    expect(comparisonPresent(question, [["常见框架：如 Flask、Django 等。", "其中最新的是 FastAPI。"].join("\n")])).toBe(false);
    expect(comparisonPresent(question, [["Flask 更轻量。", "Django 功能齐全"].join("\n")])).toBe(true);
    expect(comparisonPresent(question, ["Flask 比 Django 轻量"])).toBe(true);
    // Asked which is better as well: the difference alone does not answer it.
    expect(comparisonPresent("Flask 跟 Django 差在哪？哪个比较好学？", [["Flask 更轻量。", "Django 功能齐全"].join("\n")])).toBe(false);
  });

  it("marks an answer low when the documents never make the comparison", () => {
    const result = (texts: string[]) =>
      retrievalResult(
        "q",
        texts.map((text) => passage(text)),
        { evidence: 0.9 },
      );
    const question = "Which is faster to fine-tune on one GPU, Megatron or DeepSpeed?";
    expect(confidenceSignals(question, result(["分布式训练框架：Megatron、DeepSpeed"])).missingDetails).toContain("comparison");
    expect(confidenceSignals(question, result(["DeepSpeed 在单卡上比 Megatron 快"])).missingDetails).not.toContain("comparison");
    // A misspelt side is read as retrieval repaired it.
    const misspelt = "RLFH 跟 SFT 有什么不一样？";
    const passages = result(["RLHF 比 SFT 多一步奖励模型"]);
    expect(confidenceSignals(misspelt, passages).missingDetails).toContain("comparison");
    expect(confidenceSignals(misspelt, { ...passages, judgedQuery: "RLHF 跟 SFT 有什么不一样？" }).missingDetails).not.toContain(
      "comparison",
    );
  });

  it("reads each question's own sides and each text's own parts, however often they are asked in turn", () => {
    // Sides are kept for the last question, and a text's parts for later questions: neither may leak into another's answer.
    const text = "PyTorch 比 TensorFlow 更容易上手";
    const pytorch = "PyTorch 和 TensorFlow 哪个更适合新手？";
    const langchain = "LangChain 和 LlamaIndex 哪个更适合新手？";
    for (let round = 0; round < 2; round++) {
      expect(comparedSides(pytorch)?.map((s) => [...s])).toEqual([["pytorch"], ["tensorflow"]]);
      expect(comparisonPresent(pytorch, [text])).toBe(true);
      expect(comparisonPresent(langchain, [text])).toBe(false);
      expect(comparedSides(langchain)?.map((s) => [...s])).toEqual([["langchain"], ["llamaindex"]]);
      expect(comparisonPresent(pytorch, ["常用框架：PyTorch、TensorFlow、JAX", text])).toBe(true);
    }
  });
});

describe("withSideGlosses: English words of the sides, read in the corpus's Chinese", () => {
  // A dictionary written for the test: the corpus words CC-CEDICT would give.
  const candidates: Record<string, string[]> = { online: ["在线"], offline: ["离线"], cloud: ["云端"] };
  const candidatesOf = (word: string) => candidates[word] ?? [];

  it("puts the corpus word after each English word, so a passage comparing them in Chinese answers", () => {
    const question = "offline 的模型和 online 的模型，哪个更安全？";
    const glossed = withSideGlosses(question, candidatesOf);
    expect(glossed).toBe("offline 离线 的模型和 online 在线 的模型，哪个更安全？");
    const passage = "离线的模型更安全，在线的模型更方便";
    expect(comparisonPresent(question, [passage])).toBe(false);
    expect(comparisonPresent(glossed, [passage])).toBe(true);
  });

  it("leaves a question that compares nothing, and words with no corpus word, as they are", () => {
    expect(withSideGlosses("what does the online course cover?", candidatesOf)).toBe("what does the online course cover?");
    expect(withSideGlosses("PyTorch 和 TensorFlow 哪个更好？", candidatesOf)).toBe("PyTorch 和 TensorFlow 哪个更好？");
  });
});
