import { describe, expect, it } from "vitest";
import { tokenizeForSearch } from "../../src/text/tokenize.js";
import { chunkDocument } from "../../src/chunking/index.js";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import { roadmapProfiles, stageWordOf, type RoadmapProfile } from "../../src/retrieval/roadmapProfile.js";
import { expansionHeadWords, namingTokens, namingWords, referencedRoadmap } from "../../src/retrieval/roadmapReference.js";
import { roadmapDocument } from "../support/roadmapDocument.js";

const doc = roadmapDocument;

describe("roadmaps named by when they were published", () => {
  it("finds the roadmap whose front matter or first lines carry that month, over a shared label", () => {
    const profiles: RoadmapProfile[] = roadmapProfiles(
      [
        doc("a", "深度学习路线", "# 深度学习路线\n正文", { date: "2023-11-02" }),
        doc("b", "机器学习清单", "# 机器学习清单\n> Labels: **blog**\n> Created: **2022-05-01T00:00:00Z**\n正文"),
        doc("c", "强化学习笔记", "# 强化学习笔记\n更新时间：20231130\n正文"),
      ],
      [],
    );
    expect(profiles.map((p) => [...p.dates])).toEqual([["2023-11"], ["2022-05"], ["2023-11"]]);
    const terms = (q: string) => new Set(q.toLowerCase().split(/\W+/));
    // "blog" points at b; the month outweighs it, but two documents of that month stay ambiguous.
    expect(referencedRoadmap("the blog from May 2022 about agents", terms("the blog from May 2022 about agents"), profiles)?.doc.id).toBe(
      "b",
    );
    expect(referencedRoadmap("2023年11月那篇 blog 讲了什么", terms("blog"), profiles.slice(0, 2))?.doc.id).toBe("a");
    expect(referencedRoadmap("2023年11月那篇讲了什么", terms(""), profiles)).toBeUndefined();
  });

  it("finds the roadmap published in a month named alone, when it is the only one of that month", () => {
    const profiles: RoadmapProfile[] = roadmapProfiles(
      [
        doc("a", "深度学习路线", "# 深度学习路线\n正文", { date: "2023-11-02" }),
        doc("b", "机器学习清单", "# 机器学习清单\n> Created: **2022-05-01T00:00:00Z**\n正文"),
        doc("c", "强化学习笔记", "# 强化学习笔记\n正文"),
      ],
      [],
    );
    expect(referencedRoadmap("十一月那篇讲了什么", new Set(), profiles)?.doc.id).toBe("a");
    expect(referencedRoadmap("what does the November post say about agents?", new Set(), profiles)?.doc.id).toBe("a");
    expect(referencedRoadmap("五月那份清单", new Set(), profiles)?.doc.id).toBe("b");
    expect(referencedRoadmap("三月那篇讲了什么", new Set(), profiles)).toBeUndefined();
    // Two documents of that month: the month alone names neither.
    const twins = roadmapProfiles(
      [
        doc("a", "深度学习路线", "# 深度学习路线\n正文", { date: "2023-11-02" }),
        doc("c", "强化学习笔记", "# 强化学习笔记\n更新时间：20241130\n正文"),
      ],
      [],
    );
    expect(referencedRoadmap("十一月那篇讲了什么", new Set(), twins)).toBeUndefined();
    expect(namingTokens("十一月那篇讲了什么", new Set(), profiles[0]!)).toContain("十一月");
  });

  it("tells which of the question's tokens named the roadmap: its origin word and its month", () => {
    const [, labelled] = roadmapProfiles(
      [
        doc("a", "深度学习路线", "# 深度学习路线\n正文", { date: "2023-11-02" }),
        doc("b", "机器学习清单", "# 机器学习清单\n> Labels: **blog**\n> Created: **2022-05-01T00:00:00Z**\n正文"),
      ],
      [],
    );
    const question = "the blog from May 2022: what does it say about agents?";
    expect(namingTokens(question, new Set(question.toLowerCase().split(/\W+/)), labelled!).sort()).toEqual(["2022", "blog"]);
  });
});

describe("roadmaps named as a blog post", () => {
  it("counts a post with a site generator's front matter as a blog, so 'the blog' alone may name none", () => {
    const [post, labelled, plain] = roadmapProfiles(
      [
        doc("post", "学习路线", "# 学习路线\n正文", { date: "2024-09-05", tags: ["大模型"] }),
        doc("labelled", "资料汇总", "# 资料汇总\n> Labels: **blog**\n正文"),
        doc("plain", "学习指南", "# 学习指南\n正文", { date: "2024-01-01" }),
      ],
      [],
    );
    expect([post!.origin.has("blog"), labelled!.origin.has("blog"), plain!.origin.has("blog")]).toEqual([true, true, false]);
    const terms = new Set(["blog", "agent"]);
    expect(referencedRoadmap("那篇 blog 里 agent 能干啥", terms, [post!, labelled!, plain!])).toBeUndefined();
    expect(referencedRoadmap("那篇 blog 里 agent 能干啥", terms, [labelled!, plain!])?.doc.id).toBe("labelled");
  });
});

describe("a blog post named in Chinese, and by its length", () => {
  it("reads 博客 as the origin 'blog', and 'short' picks the shortest of the blog posts", () => {
    const long = "正文".repeat(400);
    const profiles = roadmapProfiles(
      [
        doc("short", "学习路线", "# 学习路线\n正文", { date: "2024-09-05", tags: ["大模型"] }),
        doc("long", "资料汇总", `# 资料汇总\n> Labels: **blog**\n${long}`),
        doc("guide", "学习指南", `# 学习指南\n${long}`),
      ],
      [],
    );
    expect(profiles.map((p) => p.shortest === true)).toEqual([true, false, false]);
    const none = new Set<string>();
    expect(referencedRoadmap("那篇博客里讲了什么", none, profiles)).toBeUndefined();
    expect(referencedRoadmap("短博客里的四条路是什么", none, profiles)?.doc.id).toBe("short");
    // A degree word before the length word: 很短的, 挺短的 (read in Simplified: 部落格 is a blog too).
    expect(referencedRoadmap("那篇挺短的博客里四条路是什么", none, profiles)?.doc.id).toBe("short");
    expect(referencedRoadmap("In the short blog post, what is RAG for?", new Set(["blog"]), profiles)?.doc.id).toBe("short");
    // A year between the length word and the document word.
    expect(referencedRoadmap("The short 2024 blog note: what is RAG for?", new Set(["blog"]), profiles)?.doc.id).toBe("short");
    // Length alone names nothing, and "in short" is no document.
    expect(referencedRoadmap("那篇短文讲了什么", none, profiles)).toBeUndefined();
    expect(referencedRoadmap("In short, which blog covers RAG?", new Set(["blog"]), profiles)).toBeUndefined();
    expect(namingTokens("短博客里的四条路是什么", none, profiles[0]!).sort()).toEqual(["博客", "短"].sort());
  });
});

describe("a roadmap whose stages are the items of a numbered list", () => {
  const built = (source: string, text: string) => buildDocument(source, text).document;
  const documents = [
    built("roadmaps/dishes.md", ["# 做菜", "", "1. 清蒸", "2. 红烧", "3. 爆炒", "", "## 菜谱", "一本书"].join("\n")),
    // Longer than the list, so "the short one" names the list.
    built(
      "roadmaps/plan.md",
      ["# 计划", "## 第一阶段：备料", "正文".repeat(50), "## 第二阶段：开火", "b", "## 第三阶段：装盘", "c"].join("\n"),
    ),
    built("roadmaps/other.md", ["# 杂谈", "## 第一阶段：买菜", "正文".repeat(50), "## 第二阶段：洗菜", "b"].join("\n")),
  ];
  const profiles = roadmapProfiles(
    documents,
    documents.flatMap((d) => chunkDocument(d)),
  );
  const none = new Set<string>();

  it("is marked as a list, with the items as its stages", () => {
    expect(profiles.map((p) => [p.listItems === true, p.stages.length])).toEqual([
      [true, 3],
      [false, 3],
      [false, 2],
    ]);
  });

  it("is described by a count of its items said of a document, or with another naming word, never by a bare count", () => {
    // Both have three stages: "三个阶段" still names neither; "三种做法" alone may be three ways of doing anything.
    expect(referencedRoadmap("做菜有哪三种做法", none, profiles)).toBeUndefined();
    expect(referencedRoadmap("which three approaches work best", none, profiles)).toBeUndefined();
    // Said of a document, the count describes it.
    expect(referencedRoadmap("三种做法那篇讲了啥", none, profiles)?.doc.source).toBe("roadmaps/dishes.md");
    expect(referencedRoadmap("只列了三点的那份笔记", none, profiles)?.doc.source).toBe("roadmaps/dishes.md");
    expect(referencedRoadmap("the post that lists three approaches", none, profiles)?.doc.source).toBe("roadmaps/dishes.md");
    // Three o'clock is no count of points.
    expect(referencedRoadmap("下午三点那篇笔记", none, profiles)).toBeUndefined();
    expect(referencedRoadmap("短的那篇里三种做法是哪三种", none, profiles)?.doc.source).toBe("roadmaps/dishes.md");
    expect(referencedRoadmap("the short one with three approaches", none, profiles)?.doc.source).toBe("roadmaps/dishes.md");
    // A count of stages stays a count of stages.
    expect(referencedRoadmap("短的那篇里三个阶段是哪三个", none, profiles.slice(1))?.doc.source).toBe("roadmaps/plan.md");
  });
});

describe("roadmaps named by the platform they were written on", () => {
  it("takes the platform the corpus stage read from the editor's marks as an origin word", () => {
    const [csdn, other] = roadmapProfiles(
      [doc("csdn", "学习路线", "# 学习路线\n正文", { platform: "csdn" }), doc("other", "学习指南", "# 学习指南\n见 CSDN 的文章\n正文")],
      [],
    );
    expect([csdn!.origin.has("csdn"), other!.origin.has("csdn")]).toEqual([true, false]);
    expect(referencedRoadmap("CSDN 那篇呢？", new Set(["csdn", "那篇"]), [csdn!, other!])?.doc.id).toBe("csdn");
  });
});

describe("a roadmap published on a host where resources live too", () => {
  const [hosted, other] = roadmapProfiles(
    [
      doc("hosted", "资料汇总", "# 资料汇总\n> Link: <https://github.com/someone/blog/issues/7>\n正文"),
      doc("other", "学习指南", "# 学习指南\n正文"),
    ],
    [],
  );
  const named = (question: string) => referencedRoadmap(question, new Set(tokenizeForSearch(question)), [hosted!, other!])?.doc.id;

  it("is named by the host beside a word for a document", () => {
    expect(hosted!.origin.has("github")).toBe(true);
    expect(named("GitHub 那份清单推荐了哪些书")).toBe("hosted");
    expect(named("the GitHub reading list: which books?")).toBe("hosted");
    expect(named("在 GitHub 上的那份资料里，入门看什么")).toBe("hosted");
  });

  it("is not named by a repository or project asked for on that host", () => {
    expect(named("有没有推荐的 github 项目可以练手")).toBeUndefined();
    expect(named("any good github repo for beginners?")).toBeUndefined();
    expect(named("Is there an exercise set on GitHub I can do?")).toBeUndefined();
  });
});

describe("a roadmap that is a list of links to read", () => {
  const links = (n: number) => Array.from({ length: n }, (_, i) => `- [资源${i}](https://example.com/${i})：好`).join("\n");
  const [list, notes, plan] = roadmapProfiles(
    [
      doc("list", "资料", `# 资料\n说明一句\n${links(6)}`),
      doc("notes", "笔记", `# 笔记\n${"正文一行\n".repeat(8)}${links(1)}`),
      doc("plan", "七步计划", `# 七步计划\n${"正文一行\n".repeat(10)}`),
    ],
    [],
  );

  it("is the reading list when most of its lines are links, clearly more than any other's", () => {
    expect([list!.readingList, notes!.readingList, plan!.readingList]).toEqual([true, undefined, undefined]);
    expect(referencedRoadmap("那份清单里推荐了哪些书", new Set(), [list!, notes!, plan!])?.doc.id).toBe("list");
    expect(referencedRoadmap("What does the reading list say about agents?", new Set(), [list!, notes!, plan!])?.doc.id).toBe("list");
    // A list of anything else is no reading list: "the four-item list", "project list".
    expect(referencedRoadmap("what is on the project list?", new Set(), [list!, notes!, plan!])).toBeUndefined();
  });

  it("is no reading list when two roadmaps are as full of links", () => {
    const [a, b] = roadmapProfiles([doc("a", "甲", `# 甲\n${links(5)}`), doc("b", "乙", `# 乙\n${links(4)}\n一行`)], []);
    expect([a!.readingList, b!.readingList]).toEqual([undefined, undefined]);
  });
});

describe("two roadmaps with the same number of stages", () => {
  const profile = (id: string, stageWord: "stage" | "part") =>
    ({
      doc: doc(id, id, ""),
      stages: [{}, {}, {}],
      durations: 0,
      stageDurations: 0,
      origin: new Set(),
      distinctTitleTokens: new Set(),
      stageWord,
      dates: new Set(),
    }) as unknown as RoadmapProfile;
  const profiles = [profile("staged", "stage"), profile("parted", "part")];

  it("are told apart by the stage word the question uses", () => {
    expect(stageWordOf("三个阶段")).toBe("stage");
    expect(stageWordOf("the 3-part list")).toBe("part");
    expect(stageWordOf("分三篇，每篇一个阶段")).toBeUndefined();
    expect(referencedRoadmap("the three phase plan", new Set(), profiles)?.doc.id).toBe("staged");
    expect(referencedRoadmap("分成三篇的那份", new Set(), profiles)?.doc.id).toBe("parted");
    expect(referencedRoadmap("three steps", new Set(), profiles)).toBeUndefined();
  });

  it("are not named by the parts of a course, a book or a project the question counts", () => {
    expect(referencedRoadmap("分成三篇的那份", new Set(), profiles)?.doc.id).toBe("parted");
    expect(referencedRoadmap("那门课三篇的顺序是什么？", new Set(), profiles)).toBeUndefined();
    expect(referencedRoadmap("the course has three parts: which comes first?", new Set(), profiles)).toBeUndefined();
  });

  it("are told apart by the count's own stage word, whatever other parts the question mentions", () => {
    expect(referencedRoadmap("In the three-stage article, what does the section near the end say?", new Set(), profiles)?.doc.id).toBe(
      "staged",
    );
    expect(referencedRoadmap("分三篇的那份，哪个阶段讲部署？", new Set(), profiles)?.doc.id).toBe("parted");
  });

  it("read 那篇 and 文章 as the document, not as its stage word (篇, 章)", () => {
    expect(referencedRoadmap("三阶段那篇说总共要多久", new Set(), profiles)?.doc.id).toBe("staged");
    expect(referencedRoadmap("分三个阶段的那篇文章里讲了 RAG 吗", new Set(), profiles)?.doc.id).toBe("staged");
  });
});

describe("a roadmap named by its drawing", () => {
  it("is the one that draws a diagram in text (box-drawing characters, mermaid), when the question mentions one", () => {
    const profiles = roadmapProfiles(
      [
        doc("drawn", "路线甲", "# 路线甲\n```\n┌────┐     ┌────┐\n│ 入门 │────▶│ 进阶 │\n└────┘     └────┘\n```"),
        doc("plain", "路线乙", "# 路线乙\n入门 → 进阶"),
      ],
      [],
    );
    expect(profiles.map((p) => p.diagram ?? false)).toEqual([true, false]);
    expect(referencedRoadmap("the guide with the boxes and arrows: how long is its first stage?", new Set(), profiles)?.doc.id).toBe(
      "drawn",
    );
    expect(referencedRoadmap("画了流程图的那篇讲了什么", new Set(), profiles)?.doc.id).toBe("drawn");
    // A roadmap (路线图) is no drawing.
    expect(referencedRoadmap("哪份路线图讲了微调", new Set(), profiles)).toBeUndefined();
  });
});

describe("a roadmap named by its table of contents", () => {
  it("is the one with a 目录 section or a list of links to its own headings, when the question mentions one", () => {
    const profiles = roadmapProfiles(
      [
        // A recovered outline with a 目录 section (roadmapDocument recovers none).
        {
          ...doc("headed", "路线甲", "# 路线甲\n## 目录\n入门、进阶\n## 入门阶段\n正文"),
          outline: [{ index: 0, heading: "目录", level: 2, headingPath: ["目录"], startLine: 2, endLine: 3 }],
        },
        doc("linked", "路线乙", "# 路线乙\n- [入门](#入门)\n- [进阶](#进阶)\n- [答疑](#答疑)\n## 入门\n正文"),
        doc("plain", "路线丙", "# 路线丙\n- [一个链接](https://example.com)\n## 入门\n正文"),
      ],
      [],
    );
    expect(profiles.map((p) => p.tableOfContents ?? false)).toEqual([true, true, false]);
    const alone = profiles.filter((p) => p.doc.id !== "headed");
    expect(referencedRoadmap("有目录的那份讲了哪些阶段", new Set(), alone)?.doc.id).toBe("linked");
    expect(referencedRoadmap("in the guide with a table of contents, what comes first?", new Set(), alone)?.doc.id).toBe("linked");
    // Two roadmaps with one name neither; a question that mentions none names none.
    expect(referencedRoadmap("有目录的那份讲了哪些阶段", new Set(), profiles)).toBeUndefined();
    expect(referencedRoadmap("哪份讲了入门", new Set(), alone)).toBeUndefined();
  });
});

describe("roadmaps named by their title", () => {
  const documents = [
    doc("guide", "大模型学习路径指南", "# 大模型学习路径指南\n正文"),
    doc("path", "学习路径", "# 学习路径\n正文"),
    doc("post", "避开新手的认知陷阱:大模型学习的3阶段方法论,看完这篇你就懂了!", "# 标题\n正文"),
    doc("plain", "深度学习路线", "# 深度学习路线\n正文"),
    doc("mentions", "资料汇总", "# 资料汇总\n推荐先读《深度学习路线》"),
  ];
  const profiles = roadmapProfiles(documents, []);
  const terms = (q: string) => new Set(q.match(/\p{Script=Han}{2}|[a-z]+/gu) ?? []);
  const named = (q: string) => referencedRoadmap(q, terms(q), profiles)?.doc.id;

  it("names none when the learner doubts which document said it", () => {
    expect(named("《大模型学习路径指南》里说过要先学数学吧？还是别的哪篇说的？")).toBeUndefined();
    expect(named("Was it 《大模型学习路径指南》 that lists the hours, or was it another one?")).toBeUndefined();
    expect(named("《大模型学习路径指南》里说过要先学数学吧？")).toBe("guide");
  });

  it("names the document whose whole title is quoted or pointed into", () => {
    expect(named("《大模型学习路径指南》的第二阶段要多久")).toBe("guide");
    expect(named("大模型学习路径指南里的入门阶段每周几个小时")).toBe("guide");
    // A title written plainly may be the learner's own words.
    expect(named("大模型学习路径指南有哪些")).toBeUndefined();
  });

  it("names the document whose title's own kind noun is pointed at as a document (那份指南, 指南里)", () => {
    const namedWithGuide = (q: string) => referencedRoadmap(q, new Set(["指南"]), profiles)?.doc.id;
    expect(namedWithGuide("那份指南的第二阶段学什么")).toBe("guide");
    expect(namedWithGuide("指南里第二阶段学什么")).toBe("guide");
    // Asking for a guide names none; nor does 路线, which every roadmap is.
    expect(namedWithGuide("有没有好的入门指南推荐")).toBeUndefined();
    expect(referencedRoadmap("路线里第二阶段讲什么", new Set(["路线"]), profiles)).toBeUndefined();
  });

  it("not by a title another title wholly holds, nor by one another roadmap uses as its own phrase", () => {
    expect(named("《学习路径》的第二阶段讲什么")).toBeUndefined();
    const byId = (id: string) => profiles.find((p) => p.doc.id === id)!;
    expect(byId("guide").titleIsOwn()).toBe(true);
    expect(byId("plain").titleIsOwn()).toBe(false);
  });

  it("looks up no term but the naming words: a question's terms cut down to them name the same roadmap", () => {
    const words = namingWords(profiles);
    for (const profile of profiles)
      for (const word of [...profile.origin, ...profile.distinctTitleTokens]) expect(words.has(word)).toBe(true);
    // Remembered per index version (its profiles array).
    expect(namingWords(profiles)).toBe(words);
    const questions = [
      "《大模型学习路径指南》的第二阶段要多久",
      "避开新手认知陷阱那篇讲了几个阶段",
      "资料汇总里的第一阶段",
      "方法论那篇的陷阱",
      "《学习路径》讲什么",
    ];
    for (const question of questions) {
      const kept = new Set([...terms(question)].filter((term) => words.has(term)));
      expect(referencedRoadmap(question, kept, profiles)?.doc.id, question).toBe(named(question));
      for (const profile of profiles)
        expect(namingTokens(question, kept, profile), question).toEqual(namingTokens(question, terms(question), profile));
    }
    expect(named("避开新手认知陷阱那篇讲了几个阶段")).toBe("post");
  });

  it("counts no stage word, number, demonstrative or everyday word of a title as its own", () => {
    const post = profiles.find((p) => p.doc.id === "post")!;
    expect([...post.distinctTitleTokens]).toEqual(expect.arrayContaining(["认知", "陷阱"]));
    for (const word of ["阶段", "3", "这篇", "看"]) expect(post.distinctTitleTokens.has(word)).toBe(false);
    expect(named("这篇的第三阶段讲什么")).toBeUndefined();
  });
});

describe("a title's Han words, read before its pattern", () => {
  const profiles = roadmapProfiles(
    [
      doc("course", "LLM Course", "# LLM Course\n正文"),
      doc("mixed", "Agent 开发入门指南 V2", "# Agent 开发入门指南 V2\n正文"),
      doc("guide", "大模型学习路径指南", "# 大模型学习路径指南\n正文"),
    ],
    [],
  );
  // No search terms: only the title reference can name a roadmap here.
  const named = (q: string) => referencedRoadmap(q, new Set(), profiles)?.doc.id;

  it("keeps a title's longest Han run, which every reference to the title holds as written", () => {
    expect(profiles.map((p) => p.titleLiteral)).toEqual([undefined, "开发入门指南", "大模型学习路径指南"]);
  });

  it("names a roadmap by its title whatever the case of its Latin words, and a Latin-only title by its pattern", () => {
    expect(named("《agent 开发入门指南 v2》里第一阶段讲什么")).toBe("mixed");
    expect(named("《llm course》的第二部分讲什么")).toBe("course");
    expect(named("大模型学习路径指南里的入门阶段每周几个小时")).toBe("guide");
    expect(named("第一阶段讲什么")).toBeUndefined();
  });
});

describe("a stated stage count and a question about each stage's duration", () => {
  const profile = (id: string, stages: number, stageDurations: number) =>
    ({
      doc: doc(id, id, ""),
      stages: Array.from({ length: stages }, () => ({})),
      durations: stageDurations,
      stageDurations,
      origin: new Set(),
      distinctTitleTokens: new Set(),
      stageWord: "stage",
      dates: new Set(),
    }) as unknown as RoadmapProfile;
  const profiles = [profile("seven", 7, 0), profile("five-with-months", 5, 5), profile("three-with-months", 3, 3)];

  it("name the roadmap by its count: with a count, 每个阶段要学几个月 asks the months", () => {
    expect(referencedRoadmap("七个阶段那个路线，每个阶段大概要学几个月？", new Set(), profiles)?.doc.id).toBe("seven");
    // Without a count, months per stage describe the roadmap: two give them, so none is named.
    expect(referencedRoadmap("每个阶段都标了几个月的那份", new Set(), profiles)).toBeUndefined();
    expect(referencedRoadmap("每个阶段都标了几个月的那份", new Set(), profiles.slice(0, 2))?.doc.id).toBe("five-with-months");
  });
});

describe("a roadmap named by the spans its stages give", () => {
  const withSpans = (id: string, spans: string[]) =>
    ({
      doc: doc(id, id, ""),
      stages: spans.map(() => ({})),
      durations: spans.length,
      stageDurations: spans.length,
      stageSpans: new Set(spans),
      origin: new Set(),
      distinctTitleTokens: new Set(),
      stageWord: "stage",
      dates: new Set(),
    }) as unknown as RoadmapProfile;
  const profiles = [withSpans("theory-first", ["2-3m", "3-4m"]), withSpans("five-steps", ["1-2m", "2-3m", "3-6m"])];

  it("names the roadmap whose stages give every span the question states, two or more of them", () => {
    const named = (q: string) => referencedRoadmap(q, new Set(), profiles)?.doc.id;
    // Spelt out, with neighbouring numerals as a range (三四个月 is 3-4 months).
    expect(named("先两三个月学理论、再三四个月做开发的那份，后面学什么")).toBe("theory-first");
    expect(named("The one with 2-3 months of theory and then 3-4 months of building: how long overall?")).toBe("theory-first");
    expect(named("先 1-2 个月入门，再 2-3 个月打基础的那份，后面学什么")).toBe("five-steps");
    // One span is the learner's own time as often as a description of a roadmap.
    expect(named("我只有 2-3 个月，先学什么")).toBeUndefined();
    expect(named("2-3 个月和 5-6 个月的那份")).toBeUndefined();
  });
});

describe("expansionHeadWords", () => {
  it("keeps the words that say what kind of thing an expansion is, not the words of its subject", () => {
    // A 学习路线 is a 路线, a 路线图 one too: "the roadmap" names a title holding 路线.
    expect(expansionHeadWords("学习路线")).toContain("路线");
    expect(expansionHeadWords("路线图")).toContain("路线");
    expect(expansionHeadWords("学习资料")).toEqual(["资料"]);
    // "NLP" → 自然语言处理 and "LLM" → 大语言模型 name a subject: no document titled …语言… is meant.
    expect(expansionHeadWords("自然语言处理")).not.toContain("语言");
    expect(expansionHeadWords("大语言模型")).not.toContain("语言");
  });
});

describe("a roadmap named by a span of time only it states", () => {
  const profiles = (): RoadmapProfile[] =>
    roadmapProfiles(
      [
        doc("a", "深度学习路线", "# 深度学习路线\n## 入门\n持续1-2个月\n## 进阶\n总周期为 5 - 9 个月"),
        doc("b", "机器学习清单", "# 机器学习清单\n## 基础\n约1-2个月\n## 实战\n2-4 个月"),
      ],
      [],
    );

  it("is named by that span said of a document or a plan", () => {
    const p = profiles();
    expect([...p[0]!.distinctSpans!]).toEqual(["5-9m"]);
    expect(referencedRoadmap("5-9 个月那个 plan 第二部分讲什么", new Set(), p)?.doc.id).toBe("a");
    expect(referencedRoadmap("the 5-9 month roadmap: what comes first?", new Set(), p)?.doc.id).toBe("a");
    expect(referencedRoadmap("2-4个月的那份路线先学什么", new Set(), p)?.doc.id).toBe("b");
  });

  it("is named by that span spelt out in Chinese numerals or English words, as learners say it", () => {
    const p = profiles();
    expect(referencedRoadmap("那份总共五到九个月的路线，第二部分讲什么", new Set(), p)?.doc.id).toBe("a");
    expect(referencedRoadmap("the five to nine month roadmap: what comes first?", new Set(), p)?.doc.id).toBe("a");
    expect(referencedRoadmap("两到四个月的那份路线先学什么", new Set(), p)?.doc.id).toBe("b");
    // Still the learner's own time when said of the learner, and a single number names no span.
    expect(referencedRoadmap("我有五到九个月时间，有什么学习路线？", new Set(), p)).toBeUndefined();
    expect(referencedRoadmap("九个月的那份路线先学什么", new Set(), p)).toBeUndefined();
  });

  it("is not named by a span both state, nor by the learner's own time", () => {
    const p = profiles();
    expect(referencedRoadmap("1-2个月的那份路线先学什么", new Set(), p)).toBeUndefined();
    expect(referencedRoadmap("我有5-9个月时间，有什么学习路线？", new Set(), p)).toBeUndefined();
  });
});

describe("a roadmap named by its table of contents or its section of common questions", () => {
  const profiles = (): RoadmapProfile[] =>
    roadmapProfiles(
      [
        buildDocument("roadmaps/a.md", "# 深度学习路线\n## 目录\n- [入门](#入门)\n## 入门\n正文\n## 学习常见问题\n### 1. 要多久？\n正文")
          .document,
        buildDocument("roadmaps/b.md", "# 机器学习清单\n## 基础\n正文\n## 实战\n正文").document,
      ],
      [],
    );

  it("marks the document whose own sections are a table of contents or common questions", () => {
    const [a, b] = profiles();
    expect([a!.tableOfContents, a!.faq]).toEqual([true, true]);
    expect([b!.tableOfContents, b!.faq]).toEqual([undefined, undefined]);
  });

  it("is named by either, in Chinese or English", () => {
    const p = profiles();
    expect(referencedRoadmap("那个有目录的 guide 里第二部分讲什么", new Set(), p)?.doc.source).toBe("roadmaps/a.md");
    expect(referencedRoadmap("the one with an FAQ at the end: where do I start?", new Set(), p)?.doc.source).toBe("roadmaps/a.md");
    expect(referencedRoadmap("那份实战清单讲什么", new Set(), p)).toBeUndefined();
  });
});
