import { describe, expect, it } from "vitest";
import { detailPresent, detailsAsked, withoutDetailQuestions } from "../../src/retrieval/detailKinds.js";
import { DETAIL_RULES } from "../../src/retrieval/detailRules.js";

/** Questions written for this test (not from any evaluation set), one per detail kind and language. */
describe("detail-type check", () => {
  it("reads a shortest or longest one among things as a duration asked, not a document named by its length", () => {
    expect(detailsAsked("哪个最短？")).toEqual(["duration"]);
    expect(detailsAsked("Which of those courses is the shortest?")).toEqual(["duration"]);
    expect(detailsAsked("最短的那篇博客讲了什么？")).toEqual([]);
    expect(detailsAsked("what does the shortest blog post say about RAG?")).toEqual([]);
  });

  it("recognises questions that ask for a price, a date, a version, a duration or a parameter value", () => {
    expect(detailsAsked("这门课程要多少钱？")).toEqual(["price"]);
    expect(detailsAsked("這本書的價格是多少")).toContain("price");
    expect(detailsAsked("How much does the course cost?")).toContain("price");
    // On what terms something is released: only a passage naming a license or commercial use says.
    expect(detailsAsked("那个开源模型用的是什么开源协议？能商用吗？")).toEqual(["license"]);
    expect(detailsAsked("What license is that toolkit released under?")).toEqual(["license"]);
    expect(detailPresent("license", ["开源模型：某某-7B，中文效果好"], "某某-7B 能商用吗？")).toBe(false);
    expect(detailPresent("license", ["某某-7B 采用 Apache 2.0 协议，允许商用"], "某某-7B 能商用吗？")).toBe(true);
    // Whether signing up needs a card asks whether it is paid.
    expect(detailsAsked("注册那个平台要绑信用卡吗？")).toEqual(["price"]);
    expect(detailsAsked("Do I need a credit card to sign up?")).toEqual(["price"]);
    // A fee by its kind, and "free?" with a spoken particle.
    expect(detailsAsked("Kaggle 比赛要交参赛费吗")).toEqual(["price"]);
    expect(detailsAsked("那個平台的會員費貴不貴")).toContain("price");
    expect(detailsAsked("这套视频课免费的吧？")).toEqual(["price"]);
    expect(detailsAsked("that notebook 免费的 ma?")).toEqual(["price"]);
    expect(detailsAsked("免费资源包里有什么")).toEqual([]);
    // A card as a topic (a fraud-detection project) or a stall (卡死) asks nothing of payment.
    expect(detailsAsked("信用卡欺诈检测适合用什么方法？")).toEqual([]);
    expect(detailsAsked("显存不够的话训练要卡死吗？")).toEqual([]);
    expect(detailsAsked("这份笔记是哪一年写的？")).toEqual(["date"]);
    expect(detailsAsked("When was that survey published?")).toContain("date");
    // 哪一天 / 几号 ask for a day: a date, not a count of 号.
    expect(detailsAsked("那篇文章最后一次更新是哪一天？")).toEqual(["date"]);
    expect(detailsAsked("那篇是几号发的？")).toEqual(["date"]);
    // Which of two came out first asks for their dates.
    expect(detailsAsked("这两本书哪一本比较早出版？")).toContain("date");
    expect(detailsAsked("哪本书出版得晚一些？")).toContain("date");
    expect(detailsAsked("Of the two books, which one came out first?")).toContain("date");
    expect(detailsAsked("推荐的框架要装哪个版本？")).toEqual(["version"]);
    // The tool's name between the question word and 版本 still asks for a version.
    expect(detailsAsked("那门课的代码要配哪个 Node 版本？")).toEqual(["version"]);
    expect(detailsAsked("教程里用的是什麼CUDA版本呀")).toEqual(["version"]);
    // An edition asked by its number, or in English.
    expect(detailsAsked("那本教材建议看第几版？")).toEqual(["version"]);
    expect(detailsAsked("這本書要買第幾版")).toEqual(["version"]);
    expect(detailsAsked("Which edition of the textbook do they recommend?")).toEqual(["version"]);
    expect(detailsAsked("Is there a newer edition?")).toEqual([]);
    // A site's path (…/en-v3/) is no edition of the book it links; a stated edition is.
    expect(detailPresent("version", ["- [《某本教材》](https://book.example.org/en-v3/)：入门必读"], "这本教材最新是哪一版？")).toBe(false);
    expect(detailPresent("version", ["《某本教材》第 3 版于今年出版"], "这本教材最新是哪一版？")).toBe(true);
    // Nor is a tracking query's token a card: only the text says which GPU.
    const tracked = "- [某篇教程](https://blog.example.com/a/123?spm=1001.2101^v100^pc_result)";
    expect(detailPresent("hardware", [tracked], "What GPU does the author use?")).toBe(false);
    expect(detailPresent("hardware", ["作者用一张 A100 跑完了微调"], "What GPU does the author use?")).toBe(true);
    expect(detailPresent("download", [tracked], "在哪下载那篇教程？")).toBe(true);
    expect(detailsAsked("第二阶段大概要学多久")).toEqual(["duration"]);
    // Hours counted with their classifier, in either script.
    expect(detailsAsked("第二阶段每周要学多少个小时")).toEqual(["duration"]);
    expect(detailsAsked("每週要投入多少個小時")).toEqual(["duration"]);
    // A video's length is its running time: a plan's months beside it do not give it.
    expect(detailPresent("duration", ["论文精读：第 1-2 月精读经典论文，配套视频见链接"], "那个论文精读的视频有多长？")).toBe(false);
    expect(detailPresent("duration", ["论文精读系列视频，每期约 40 分钟"], "那个论文精读的视频有多长？")).toBe(true);
    expect(detailPresent("duration", ["Plan 2 months for the paper readings."], "How long is the paper-reading video?")).toBe(false);
    expect(detailPresent("duration", ["论文精读：第 1-2 月精读经典论文"], "论文精读要学多久？")).toBe(true);
    // How long to study a video course is a study time: months answer it.
    expect(detailPresent("duration", ["这门视频课建议 2 个月学完"], "那门视频课要学多久？")).toBe(true);
    expect(detailsAsked("LoRA 微调的学习率设多少合适")).toEqual(["setting"]);
    // What will become of something: only a passage that looks ahead says.
    expect(detailsAsked("向量数据库这个方向过两年会不会被淘汰？")).toEqual(["forecast"]);
    expect(detailsAsked("Will fine-tuning skills be obsolete in five years?")).toEqual(["forecast"]);
    expect(detailsAsked("我做了两年后端，想转大模型该学什么？")).toEqual([]);
    // A plan for one's own future is no forecast, nor is a model predicting the next word.
    expect(detailsAsked("我将来想做算法工程师，应该先学什么？")).toEqual([]);
    expect(detailsAsked("两年后想转行做大模型，现在从哪开始？")).toEqual([]);
    expect(detailsAsked("模型是怎么预测下一个词的？")).not.toContain("forecast");
    expect(detailsAsked("What should I learn to be useful in the future?")).toEqual([]);
    expect(detailPresent("forecast", ["向量数据库：Milvus、FAISS 等，用于相似度检索"], "向量数据库过几年会不会被淘汰？")).toBe(false);
    expect(detailPresent("forecast", ["预计未来三年向量检索岗位需求仍将增长"], "向量数据库过几年会不会被淘汰？")).toBe(true);
    expect(detailsAsked("what learning rate should I use for QLoRA?")).toEqual(["setting"]);
  });

  it("reads an amount of money or a setting's value by its noun and an amount word in one clause, in either order", () => {
    for (const question of [
      "这个岗位月薪能拿多少？",
      "预算大概要几万？",
      "What's a realistic cloud budget for that project?",
      "Roughly what would the monthly fees be?",
    ])
      expect(detailsAsked(question), question).toContain("price");
    for (const question of ["部署的时候 timeout 要 set 多少?", "What chunk size should I use for the RAG project?", "阈值一般设多大"])
      expect(detailsAsked(question), question).toContain("setting");
    // Nothing asked of an amount: attention paid, a cost named, time spent.
    for (const question of [
      "What should I pay attention to when fine-tuning?",
      "RAG 的成本主要在哪里？",
      "How much time should I budget for stage two?",
    ])
      expect(detailsAsked(question), question).not.toContain("price");
  });

  it("reads a figure's statistic (平均, 一般) as part of what is asked, not of what it is asked about", () => {
    expect(detailsAsked("数据工程师平均月薪能拿多少？")).toEqual(["price"]);
    expect(withoutDetailQuestions("数据工程师平均月薪能拿多少？")).not.toContain("平均");
    expect(withoutDetailQuestions("数据工程师一般工资有多少")).not.toContain("一般");
  });

  it("reads each question afresh however the questions alternate, and hands out a copy", () => {
    // The last question's kinds are remembered (one request asks three times): never another question's.
    for (let round = 0; round < 2; round++) {
      expect(detailsAsked("这门课程要多少钱？")).toEqual(["price"]);
      expect(detailsAsked("这份笔记是哪一年写的？")).toEqual(["date"]);
      expect(detailsAsked("LoRA 是什么")).toEqual([]);
    }
    detailsAsked("这门课程要多少钱？").push("date");
    expect(detailsAsked("这门课程要多少钱？")).toEqual(["price"]);
  });

  it("checks a count against a number with the unit asked, and who made or published something", () => {
    expect(detailsAsked("这个课程一共有多少节？")).toEqual(["count"]);
    // A link's address states no date; a year the question states alone is what it knows.
    expect(detailPresent("date", ["[Agents](https://example.com/posts/2023-06-23-agent/)"], "这篇文章什么时候更新的？")).toBe(false);
    expect(detailPresent("date", ["Created: 2023-06-27"], "那篇 2023 年发的文章，后来最后更新到什么时候？")).toBe(false);
    expect(detailPresent("date", ["更新时间：20241018"], "那篇 2023 年发的文章，后来最后更新到什么时候？")).toBe(true);
    // Asked which month of the year it states, that year's dates answer.
    expect(detailPresent("date", ["发布于 2024年9月"], "那篇 2024 年的文章是几月发的？")).toBe(true);
    expect(detailPresent("count", ["课程共 12 节，每节一小时"], "这个课程一共有多少节？")).toBe(true);
    expect(detailPresent("count", ["课程讲了 3 个主题"], "这个课程一共有多少节？")).toBe(false);
    expect(detailPresent("count", ["The book has 400 pages."], "How many pages does the book have?")).toBe(true);
    expect(detailPresent("count", ["The book covers 7 chapters."], "How many pages does the book have?")).toBe(false);
    expect(detailPresent("count", ["大约 80% 的工作"], "能省下百分之多少的时间？")).toBe(true);
    // The classifier is the unit when a clause follows it ("几个和数学有关").
    expect(detailPresent("count", ["十门课里有 3 个与数学相关"], "这些课里有几个和数学有关？")).toBe(true);
    expect(detailPresent("count", ["这些课都与数学相关"], "这些课里有几个和数学有关？")).toBe(false);
    // 哪几/好几/这几 ask "which ones", not "how many".
    expect(detailsAsked("哪几份路线推荐了这门课？")).toEqual([]);
    expect(detailsAsked("这几条路线哪条最难？")).toEqual([]);
    expect(detailsAsked("这本书是哪个出版社出的？")).toContain("organization");
    expect(detailsAsked("Which company develops that framework?")).toEqual(["organization"]);
    // Where someone works: the company asked with 间, or the employer in English.
    expect(detailsAsked("那个作者在哪间公司上班？")).toContain("organization");
    expect(detailsAsked("Where does the author work these days?")).toContain("organization");
    // Formally (任职公司为何, 任职于哪家) or plainly (在哪里上班); not the learner's own wish to work at one.
    expect(detailsAsked("這位作者的任職公司為何？")).toContain("organization");
    expect(detailsAsked("讲师现在在哪里上班")).toContain("organization");
    expect(detailsAsked("想在大模型公司任职要学什么")).toEqual([]);
    expect(detailPresent("organization", ["人民邮电出版社出版"])).toBe(true);
    // An institution asked and named.
    expect(detailsAsked("这份路线图是哪个机构发布的？")).toContain("organization");
    expect(detailsAsked("這個數字是哪一個組織統計的")).toContain("organization");
    expect(detailPresent("organization", ["据某研究机构统计，七成岗位会变"])).toBe(true);
    expect(detailPresent("organization", ["七成岗位会变"])).toBe(false);
    expect(detailPresent("organization", ["一本经典教材"])).toBe(false);
  });

  it("asks for setup steps when a question wants to know how to install or configure something", () => {
    expect(detailsAsked("Ollama 在 Windows 上怎么安装？")).toEqual(["setup"]);
    expect(detailsAsked("這個向量庫要如何配置才能跑起來")).toEqual(["setup"]);
    expect(detailsAsked("How do I install vLLM on Ubuntu?")).toEqual(["setup"]);
    // Hardware specs (电脑配置) and how something works are not setup questions.
    expect(detailsAsked("电脑配置不高能学大模型吗")).toEqual([]);
    expect(detailsAsked("LoRA 是怎么训练的")).toEqual([]);
    expect(detailPresent("setup", ["先 pip install vllm，再启动服务"])).toBe(true);
    expect(detailPresent("setup", ["vLLM 是常用的推理框架"])).toBe(false);
  });

  it("asks for a measurement when a question wants to know which of two tools is faster", () => {
    expect(detailsAsked("Ollama 和 llama.cpp 哪个跑得更快？")).toEqual(["speed"]);
    expect(detailsAsked("Which is faster for serving, TGI or SGLang?")).toEqual(["speed"]);
    expect(detailsAsked("TGI 跟 SGLang 相比，哪個部署起來比較快？")).toEqual(["speed"]);
    // "How do I make it faster" asks for methods: no measurement needed.
    expect(detailsAsked("怎么让推理更快？")).toEqual([]);
    expect(detailsAsked("how can I make training faster?")).toEqual([]);
    expect(detailPresent("speed", ["实测吞吐量提升 3 倍"])).toBe(true);
    expect(detailPresent("speed", ["Latency drops to 40 ms per token"])).toBe(true);
    expect(detailPresent("speed", ["两者都是常用的推理框架，支持批处理"])).toBe(false);
  });

  it("asks for a person when a question wants to know who teaches, wrote or gave something", () => {
    expect(detailsAsked("那门公开课是哪位老师讲的？")).toEqual(["person"]);
    expect(detailsAsked("那门公开课是哪几位老师讲的？")).toEqual(["person"]);
    expect(detailsAsked("那个视频课程是哪个老师教的？")).toEqual(["person"]);
    expect(detailsAsked("這個專欄是哪個作者寫的")).toEqual(["person"]);
    expect(detailsAsked("这本书是哪些作者合写的？")).toEqual(["person"]);
    expect(detailsAsked("這本書的作者是誰？")).toEqual(["person"]);
    expect(detailsAsked("Who wrote the book the roadmap calls a classic?")).toEqual(["person"]);
    expect(detailsAsked("Which instructor runs the NLP course?")).toEqual(["person"]);
    // "谁更好" compares, and "who is it for" asks the audience: no person needed.
    expect(detailsAsked("这两个框架谁更好用？")).not.toContain("person");
    expect(detailsAsked("Who is this roadmap for?")).toEqual([]);
    // "who's" asks when it opens a question or a clause, not as a relative pronoun.
    expect(detailsAsked("Is the course free, and who's the instructor?")).toContain("person");
    expect(detailsAsked("Who's the author of that survey?")).toEqual(["person"]);
    expect(detailsAsked("I'm a backend engineer who's new to this. Where do I start?")).not.toContain("person");
    expect(detailPresent("person", ["《机器学习》(周志华)是经典教材"])).toBe(true);
    expect(detailPresent("person", ["这门课由 OpenAI 联合创始人主讲"])).toBe(true);
    expect(detailPresent("person", ["配合吴恩达的课程一起学"])).toBe(true);
    expect(detailPresent("person", ["Course notes by Jane Smith"])).toBe(true);
    // "Ng" is a person's name only as a whole word, not inside "training".
    expect(detailPresent("person", ["training a model on your own data"])).toBe(false);
    expect(detailPresent("person", ["这门公开课系统介绍了大模型的原理"])).toBe(false);
  });

  it("reads question words as learners use them: 'when' as a conjunction, 第几, 多少比例, 时数, a salary", () => {
    // "When I deploy…" starts a clause; "when was it released" asks a date.
    expect(detailsAsked("When I deploy my model, how do I keep it stable?")).toEqual([]);
    expect(detailsAsked("When was the survey released?")).toContain("date");
    expect(detailsAsked("When roughly was that course recorded?")).toContain("date");
    // "published by", "the post dated …" say who or which, they ask no date.
    expect(detailsAsked("Which examples were published by the company itself?")).toEqual([]);
    expect(detailsAsked("What does the post dated 2024-09-05 recommend?")).toEqual([]);
    expect(detailsAsked("日期写着 2024-09-05 的那篇推荐了哪些项目？")).toEqual([]);
    expect(detailsAsked("那篇的发布日期是哪天？")).toContain("date");
    expect(detailsAsked("What's the release date of that course?")).toContain("date");
    // 什么时候 after a verb of deciding or knowing, or before 该/用/开始学, asks when to do something, not a date.
    expect(detailsAsked("怎么让模型自己判断什么时候去查资料？")).toEqual([]);
    expect(detailsAsked("什么时候该用检索，什么时候该微调？")).toEqual([]);
    expect(detailsAsked("那份清单是什么时候整理的？")).toContain("date");
    // 短短几行 / 寥寥几句 describe ("just a few"), they ask no count.
    expect(detailsAsked("那篇只有短短几行的博客推荐了谁的课？")).not.toContain("count");
    expect(detailsAsked("这篇文章一共有几行？")).toContain("count");
    // 第几 asks which one (an ordinal), not how many.
    expect(detailsAsked("提示工程在第几个阶段学？")).toEqual([]);
    expect(detailsAsked("这门课要多少時數？")).toContain("duration");
    expect(detailPresent("count", ["agent 能担任 80% 脑力工作"], "agent 能顶掉多少比例的脑力活？")).toBe(true);
    expect(detailPresent("count", ["agent 能担任 80%脑力工作"], "agent 能干多少脑力活？")).toBe(true);
    // How much of a kind of work, named by what it does (动脑子的活, 重复性的岗位): a share answers.
    expect(detailPresent("count", ["agent 能担任 80%脑力工作"], "那个助手以后能顶替多少动脑子的活儿？")).toBe(true);
    expect(detailPresent("count", ["约三成岗位会被替代，30%的岗位"], "AI会取代多少重复性的岗位？")).toBe(true);
    expect(detailPresent("count", ["agent 能担任 80%脑力工作"], "第三阶段有多少实战的项目？")).toBe(false);
    expect(detailPresent("price", ["AI 产品经理月薪 5-6 万"])).toBe(true);
    expect(detailsAsked("调用 API 的 token 是怎么计费的？")).toContain("price");
    expect(detailsAsked("How does the API billing work?")).toContain("price");
  });

  it("counts directions, principles or steps by a list that enumerates them", () => {
    const list = ["- 原则一：循序渐进", "- 原则二：理论结合实践", "- 原则三：持续迭代"].join("\n");
    expect(detailPresent("count", [list], "开头有几条学习原则？")).toBe(true);
    expect(detailPresent("count", ["学习原则：循序渐进，理论结合实践"], "开头有几条学习原则？")).toBe(false);
    expect(detailPresent("count", [list], "专业深入阶段又分成了几个专家方向？")).toBe(true);
    expect(detailPresent("count", [list], "它分成几块？")).toBe(true);
    // "只看几个例子" is "just a few examples", not a count asked.
    expect(detailsAsked("怎么让模型只看几个例子就会做新任务？")).toEqual([]);
    // The object of a request is "a few" too; 推荐了几本 asks how many were recommended.
    expect(detailsAsked("有好的论文解读博客吗？推荐几个")).toEqual([]);
    expect(detailsAsked("想 follow 几个 podcast，有推荐吗？")).toEqual([]);
    // 几 in a clause that asks nothing, before the clause that asks, describes "several".
    expect(detailsAsked("高峰时几千人同时在线，服务要怎么扩容？")).toEqual([]);
    expect(detailsAsked("流量一来就多开几台机器，哪份路线讲过？")).toEqual([]);
    // A count had (有 / 共) or asked at the end is still a count, whatever follows.
    expect(detailsAsked("第二阶段有几个方向，分别是什么？")).toEqual(["count"]);
    expect(detailsAsked("那门公开课一共几集，每集多长？")).toEqual(["duration", "count"]);
    expect(detailsAsked("那个 repo 分成几块啊，都讲啥？")).toEqual(["count"]);
    // 举几个 is "name a few" (举例), as 推荐几个 is; 举了几个 still asks how many were named.
    expect(detailsAsked("向量数据库有哪些？举几个就行")).toEqual([]);
    expect(detailsAsked("那一节举了几个例子？")).toEqual(["count"]);
    expect(detailsAsked("那份清单推荐了几本书？")).toEqual(["count"]);
    // The roadmaps themselves counted (有几份路线推荐了它) are answered by which of them name it;
    // a count of some other thing by 份 (报告有多少份) still needs the number.
    expect(detailsAsked("吴恩达那门课，有几份路线都推荐了？")).toEqual([]);
    expect(detailsAsked("那个合集里金融行业的报告有多少份？")).toEqual(["count"]);
    // A measured quantity (节, 集, 页) is not answered by a list of something else.
    expect(detailPresent("count", [list], "这门课一共有多少节？")).toBe(false);
    // The same things named in English, in a mixed or an English question.
    expect(detailPresent("count", [list], "那个 repo 分成几个 part？")).toBe(true);
    expect(detailPresent("count", [list], "How many sections does the course have?")).toBe(true);
    expect(detailPresent("count", [list], "How many videos does the course have?")).toBe(false);
    // A classifier before a thing lists hold counts by the list; before anything else it counts that.
    expect(detailPresent("count", [list], "开头有几条学习路径设计原则？")).toBe(true);
    expect(detailPresent("count", [list], "这篇文章下面一共有多少条评论？")).toBe(false);
  });

  it("counts the thing named before a bare 几个, not any N 个 of the passage", () => {
    const notebooks = "那门课的 Jupyter notebooks 一共有几个？";
    expect(detailsAsked(notebooks)).toContain("count");
    expect(detailPresent("count", ["课程分为三个部分：基础、理论、工程"], notebooks)).toBe(false);
    expect(detailPresent("count", ["附带 8 个 Jupyter notebooks，可直接运行"], notebooks)).toBe(true);
    expect(detailPresent("count", ["There are 8 notebooks in the repo."], notebooks)).toBe(true);
    const projects = "那份清单里的开源项目总共有几个？";
    expect(detailPresent("count", ["分为三个阶段"], projects)).toBe(false);
    expect(detailPresent("count", ["收录了 20 个优质开源项目"], projects)).toBe(true);
    // A part of a whole asked this way is still answered by the document's count of its parts.
    expect(detailPresent("count", ["课程分为三个部分"], "那门课的部分一共有几个？")).toBe(true);
  });

  it("counts 'how many of the …' as the documents' Chinese counts a share: N 个", () => {
    const question = "How many of the top 20 hottest jobs were AI-related?";
    expect(detailPresent("count", ["热招岗位前二十中有 11 个与 AI 相关"], question)).toBe(true);
    expect(detailPresent("count", ["热招岗位里 AI 相关岗位很多"], question)).toBe(false);
  });

  it("reads a chunk size asked, answered by a number of tokens or characters", () => {
    expect(detailsAsked("What chunk size, in tokens, do they recommend for RAG?")).toContain("size");
    expect(detailsAsked("RAG 的切块大小设多少合适？")).toContain("size");
    // The verb between the piece and "how long" (每块要切多长, 每块设成多大) asks the same.
    expect(detailsAsked("按段落切的话，每块要切多长？")).toContain("size");
    expect(detailsAsked("每块设成多大比较好")).toContain("size");
    expect(detailPresent("size", ["分块时每块 512 tokens 左右"], "What chunk size do they recommend?")).toBe(true);
    // A model's context window is a size, answered by a number of tokens.
    expect(detailsAsked("Which context window does that open model support?")).toContain("size");
    expect(detailsAsked("What's the context window of that open model?")).toContain("size");
    expect(detailsAsked("How long is the maximum context length of it?")).toContain("size");
    expect(detailsAsked("那个模型的参数规模具体是多少？")).toContain("size");
    expect(detailsAsked("那个开源模型的上下文长度有多少？")).toContain("size");
    expect(detailPresent("size", ["开源模型：某某，上下文长度 32k tokens"], "那个开源模型的上下文长度有多少？")).toBe(true);
    expect(detailPresent("size", ["开源模型：某某（中文优化）"], "那个开源模型的上下文长度有多少？")).toBe(false);
    // A score asked in English inside a Chinese question, or as 成绩.
    expect(detailsAsked("他在那个比赛里的 score 是多少？")).toContain("score");
    expect(detailsAsked("那次比赛的成绩大概多少？")).toContain("score");
    expect(detailPresent("size", ["按语义切块，或按固定长度切块"], "What chunk size do they recommend?")).toBe(false);
  });

  it("asks a book's chapter only of a book, answered by a chapter's number", () => {
    expect(detailsAsked("《动手学深度学习》是第几章开始讲 Transformer 的？")).toEqual(["chapter"]);
    expect(detailsAsked("Which chapter of the book covers attention?")).toEqual(["chapter"]);
    // A roadmap's own parts are read by their place, not as a book's chapters.
    expect(detailsAsked("ninehills 那篇第几章讲微调？")).toEqual([]);
    expect(detailPresent("chapter", ["第 10 章讲注意力机制与 Transformer"], "")).toBe(true);
    expect(detailPresent("chapter", ["《动手学深度学习》：最好的深度学习入门课程"], "")).toBe(false);
  });

  it("reads the Taiwan word for a dataset and an accuracy lost", () => {
    expect(detailsAsked("建议用哪个资料集来训练？")).toContain("dataset");
    expect(detailsAsked("how much accuracy does it lose with INT8?")).toContain("score");
    expect(detailsAsked("量化以后精度会损失多少？")).toContain("score");
  });

  it("asks which card by its grade or tier, and a price by what was spent or a budget", () => {
    expect(detailsAsked("入门阶段要买什么等级的显卡？")).toContain("hardware");
    expect(detailsAsked("微調建議用哪個級別的 GPU？")).toContain("hardware");
    expect(detailsAsked("What tier of GPU should a beginner buy?")).toContain("hardware");
    expect(detailsAsked("How much did the author spend on cloud GPUs?")).toContain("price");
    expect(detailsAsked("自己搭环境预算大概要多少？")).toContain("price");
    expect(detailsAsked("跑完這個課程花了多少錢？")).toContain("price");
    expect(detailsAsked("What's the minimum budget to fine-tune a 7B model?")).toContain("price");
    // Time spent, a time or token budget: not money.
    expect(detailsAsked("How much time did the author spend on math?")).not.toContain("price");
    expect(detailsAsked("What's the token budget for the prompt?")).not.toContain("price");
    expect(detailsAsked("数学部分要花多少时间？")).not.toContain("price");
  });

  it("asks for a card's name or memory when a question wants to know which GPU", () => {
    expect(detailsAsked("微调要用哪款显卡？")).toEqual(["hardware"]);
    expect(detailsAsked("Which GPU do I need for this course?")).toEqual(["hardware"]);
    // Whether a GPU is needed at all is not which one.
    expect(detailsAsked("没有 GPU 能学吗？")).toEqual([]);
    expect(detailPresent("hardware", ["一张 RTX 4090 即可"])).toBe(true);
    expect(detailPresent("hardware", ["需要 24GB 显存"])).toBe(true);
    expect(detailPresent("hardware", ["使用云服务提供商的免费 GPU 资源"])).toBe(false);
    // A machine's specs too.
    expect(detailsAsked("自己部署最低要什么配置的服务器？")).toContain("hardware");
    expect(detailsAsked("What are the minimum specs to self-host it?")).toContain("hardware");
    expect(detailPresent("hardware", ["建议 4 核 CPU、16GB 内存"])).toBe(true);
    expect(detailPresent("hardware", ["支持私有化部署，数据不出企业"])).toBe(false);
  });

  it("reads colloquial question words (啥, 啥子, 咋) as the standard ones every rule is written in", () => {
    expect(detailsAsked("这个课要啥 GPU 规格才能跑？")).toContain("hardware");
    expect(detailsAsked("那个框架啥子版本最稳？")).toContain("version");
    expect(detailsAsked("这个比赛啥时候截止？")).toContain("date");
    expect(detailsAsked("这个工具咋安装？")).toEqual(["setup"]);
    // Wuhan's 么样 is 怎么; 怎么样 stays itself.
    expect(detailsAsked("那个向量库要么样配置？")).toEqual(["setup"]);
    expect(detailsAsked("学完觉得怎么样？")).toEqual([]);
    // Nothing asked is still nothing asked.
    expect(detailsAsked("RAG 是啥？")).toEqual([]);
  });

  it("reads Southwestern Mandarin's 好久 and 好多 ending a question as how long and how much", () => {
    expect(detailsAsked("那门课全部看完要好久撒？")).toEqual(["duration"]);
    expect(detailsAsked("报这个训练营一个月好多钱？")).toEqual(["price"]);
    expect(detailsAsked("那门课一共要看好久咯？")).toEqual(["duration"]);
    // Not where they say "many" or "a lot" and the question asks something else.
    expect(detailsAsked("好多人说LoRA很重要，为什么？")).toEqual([]);
    expect(detailsAsked("资料好多，先看哪本？")).toEqual([]);
  });

  it("asks a version by an amount word or as the latest one, a model's size by its parameters' scale, and a price, a future or a bit-width as learners ask them", () => {
    expect(detailsAsked("这个推理框架最新的 release 版本是多少？")).toEqual(["version"]);
    expect(detailsAsked("它的版本号是几？")).toEqual(["version"]);
    expect(detailsAsked("What's the latest release of that library?")).toEqual(["version"]);
    // A price asked in the learner's word order, or a free tier.
    expect(detailsAsked("That service one month charge how much ah?")).toContain("price");
    expect(detailsAsked("got free tier or not?")).toContain("price");
    // A future asked with 以后 or 前景 alone, and a quantization's bit-width as a setting, stated as "4-bit" or "int8".
    expect(detailsAsked("这个岗位以后还有前景吗？")).toContain("forecast");
    expect(detailsAsked("What quantisation bit-width does that guide to quantization recommend?")).toContain("setting");
    expect(detailPresent("setting", ["常见做法是 4-bit 量化"])).toBe(true);
    expect(detailPresent("setting", ["支持 int8 推理"])).toBe(true);
    expect(detailPresent("setting", ["介绍了量化的原理"])).toBe(false);
    expect(detailsAsked("那个模型的参数规模到底是多少？")).toEqual(["size"]);
    expect(detailsAsked("参数数量有多大？")).toEqual(["size"]);
    expect(detailPresent("size", ["提供 7B 和 13B 两个版本"])).toBe(true);
    // A new version's content is not which version.
    expect(detailsAsked("最新的课程讲了什么？")).toEqual([]);
  });

  it("asks a rank by its place (排第一的是哪个), answered by a ranking or a numbered list's order", () => {
    expect(detailsAsked("那份报告里排第一的热招岗位是什么？")).toEqual(["result"]);
    expect(detailsAsked("Which role is ranked first in that report?")).toEqual(["result"]);
    // A stage by its place is no rank.
    expect(detailsAsked("排在第三阶段的是什么")).toEqual([]);
    expect(detailPresent("result", ["TOP20 热招岗位中有 5 个与 AI 相关"])).toBe(false);
    expect(detailPresent("result", ["岗位排名：算法工程师居首"])).toBe(true);
    expect(detailPresent("result", ["推荐课程\n1. **某入门课**\n2. **某进阶课**"])).toBe(true);
  });

  it("asks for a certificate when a question wants to know whether a course gives one", () => {
    expect(detailsAsked("这门课学完有结业证书吗？")).toEqual(["certificate"]);
    expect(detailsAsked("Does the course come with a certificate?")).toEqual(["certificate"]);
    expect(detailPresent("certificate", ["完成全部作业可获得结业证书"])).toBe(true);
    expect(detailPresent("certificate", ["这门课系统讲解 Transformer"])).toBe(false);
  });

  it("asks for a translation when a question wants a course's subtitles or a book's Chinese edition", () => {
    expect(detailsAsked("这门课有中文字幕吗？")).toEqual(["translation"]);
    expect(detailsAsked("那本書有沒有中文版？")).toEqual(["translation"]);
    expect(detailsAsked("Is there a translated version of the book?")).toContain("translation");
    expect(detailsAsked("Does the course have subtitles?")).toEqual(["translation"]);
    expect(detailPresent("translation", ["- 中英双语字幕： https://example.org/course"])).toBe(true);
    expect(detailPresent("translation", ["- [Building Systems](https://example.org/course)"])).toBe(false);
    // The language asked for is part of the detail, not the thing it is asked of: the focus keeps the course.
    expect(withoutDetailQuestions("Does the Foo course have Chinese subtitles?")).not.toMatch(/chinese/i);
    expect(withoutDetailQuestions("Foo 课程有没有中文字幕？")).not.toContain("中文");
    expect(withoutDetailQuestions("Foo 课程有没有中文字幕？")).toContain("Foo");
    // Whether it costs money, asked in a learner's words, is a price.
    expect(detailsAsked("那它要交钱吗？")).toEqual(["price"]);
  });

  it("asks by how much one thing beats another, answered only by a measured difference", () => {
    expect(detailsAsked("vLLM 的吞吐比 TensorRT-LLM 高多少？")).toEqual(["margin"]);
    expect(detailsAsked("How much faster is vLLM than plain Transformers?")).toEqual(["margin"]);
    // An upper or lower bound is no comparison.
    expect(detailsAsked("每周最多多少小时？")).not.toContain("margin");
    expect(detailPresent("margin", ["吞吐提升 24 倍"])).toBe(true);
    expect(detailPresent("margin", ["vLLM 比 TensorRT-LLM 更快，适合高并发"])).toBe(false);
  });

  it("reads a salary asked as a price, and which model sizes as a size", () => {
    expect(detailsAsked("AI 算法工程师平均月薪多少？")).toEqual(["price"]);
    expect(detailsAsked("Which of those jobs pays the most?")).toEqual(["price"]);
    expect(detailsAsked("部署包里都有哪些模型尺寸？")).toEqual(["size"]);
    // A follow-up's adverbs between the salary and 多少: "那…又是多少", "现在大概多少".
    expect(detailsAsked("那数据分析师的年薪又是多少？")).toEqual(["price"]);
    expect(detailsAsked("运维岗的工资现在大概多少")).toEqual(["price"]);
  });

  it("reads each kind in more of learners' words: a qualified dataset, a school, a gap, a charge, 准确度, a walk-through", () => {
    expect(detailsAsked("这个项目用哪个开源数据集训练？")).toEqual(["dataset"]);
    // Asked whether one is given: a follow-up's "does it suggest a dataset", 有推荐数据集吗.
    expect(detailsAsked("does the guide recommend any dataset for that project?")).toContain("dataset");
    expect(detailsAsked("那个情感分析练习有推荐现成的数据集吗？")).toContain("dataset");
    expect(detailsAsked("Is this dataset free?")).not.toContain("dataset");
    expect(detailsAsked("这位老师是哪所学校的？")).toContain("organization");
    expect(detailsAsked("两个框架的速度差多少？")).toContain("margin");
    expect(detailsAsked("What does the service charge per million tokens?")).toEqual(["price"]);
    // The words that ask are left out of the subject, the thing asked of is not: "openrouter" stays.
    expect(withoutDetailQuestions("What does openrouter charge per million tokens?")).toContain("openrouter");
    expect(detailsAsked("量化之后准确度可能会下降多少？")).toEqual(["score"]);
    expect(detailsAsked("Walk me through installing vLLM on my server.")).toEqual(["setup"]);
    // 差不多 is "about", no gap.
    expect(detailsAsked("差不多要学多久？")).toEqual(["duration"]);
    expect(detailsAsked("那这阶段要学多少周？")).toEqual(["duration"]);
    expect(detailsAsked("要学几个星期")).toEqual(["duration"]);
    expect(detailsAsked("大概要看多少个 hour？")).toEqual(["duration"]);
    expect(detailsAsked("这一段要多少個月")).toEqual(["duration"]);
    // Mixed Chinese and English: the unit in English after 几 / 多少.
    expect(detailsAsked("这门网课大概几个 weeks 能刷完？")).toEqual(["duration"]);
    expect(detailsAsked("一共要几 hrs")).toEqual(["duration"]);
  });

  it("finds an English count in the documents' Chinese, by the glossary's names of the thing counted", () => {
    const question = "How many hands-on projects per stage does the roadmap suggest?";
    // "How many weekly hours" asks a duration, not a count of "weekly".
    expect(detailsAsked("How many weekly hours does the guide expect at the entry stage?")).toEqual([]);
    // The thing counted is projects: "hands-on" only qualifies it.
    expect(detailPresent("count", ["建议在每阶段配合 1 - 2 个实战项目。"], question)).toBe(true);
    expect(detailPresent("count", ["每个阶段都有动手练习。"], question)).toBe(false);
    expect(detailPresent("count", ["课程分为 3 个部分。"], question)).toBe(false);
  });

  it("reads a person's age asked (几岁, 多大年纪, how old), not a learner's own age told, and finds it only stated", () => {
    expect(detailsAsked("那位老师今年幾歲？")).toEqual(["age"]);
    expect(detailsAsked("How old is the teacher of that course?")).toEqual(["age"]);
    expect(detailsAsked("我今年38岁，转行学大模型来得及吗？")).toEqual([]);
    expect(detailPresent("age", ["主讲老师是某某教授，讲课风格幽默。"], "那位老师多大年纪？")).toBe(false);
    expect(detailPresent("age", ["作者今年 35 岁，在某公司做算法。"], "作者多大年纪？")).toBe(true);
  });

  it("reads where a person is from and what they do for a living, and finds them only stated", () => {
    expect(detailsAsked("那个 foobar 博主是哪里人？做什么工作的？")).toEqual(["origin", "occupation"]);
    expect(detailsAsked("那位作者係邊度人？")).toEqual(["origin"]);
    expect(detailsAsked("Where is the author of that list from, and what does he do for a living?")).toEqual(["origin", "occupation"]);
    // Where to start, what a thing is for, the learner's own prospects and origin: none of these.
    expect(detailsAsked("从哪里开始学比较好？")).toEqual([]);
    expect(detailsAsked("LangChain 是做什么的？")).toEqual([]);
    expect(detailsAsked("学完能做什么工作？")).toEqual([]);
    expect(detailsAsked("我是哪里人不重要，想问怎么入门")).toEqual([]);
    const listed = ["- [foobar/llm-notes](https://github.com/foobar/llm-notes)：学习笔记与资料汇总"];
    expect(detailPresent("origin", listed, "foobar 是哪里人？")).toBe(false);
    expect(detailPresent("occupation", listed, "foobar 是做什么工作的？")).toBe(false);
    expect(detailPresent("origin", ["作者来自杭州，是一名算法工程师。"], "作者是哪里人？")).toBe(true);
    expect(detailPresent("occupation", ["作者来自杭州，是一名算法工程师。"], "作者是做什么工作的？")).toBe(true);
  });

  it("reads 时长, minutes and a runtime as a duration asked, and minutes as a duration stated", () => {
    // 时长 is the word for a length of time: "总时长多少" asks one as surely as 多久 does.
    expect(detailsAsked("那个网课合集总时长多少？")).toEqual(["duration"]);
    expect(detailsAsked("這套影片的時長是多少")).toEqual(["duration"]);
    expect(detailsAsked("大概几分钟能看完一集？")).toEqual(["duration"]);
    expect(detailsAsked("What's the total runtime of that lecture series?")).toEqual(["duration"]);
    expect(detailsAsked("how many minutes is each video")).toEqual(["duration"]);
    expect(detailPresent("duration", ["每节课约 45 分钟"], "每节课时长多少？")).toBe(true);
    expect(detailPresent("duration", ["课程共 20 节，讲解提示词的写法"], "这门课总时长多少？")).toBe(false);
  });

  it("reads a video's length asked in the clause after the one naming the video", () => {
    const question = "那门课的B站视频是谁讲的？一共多长？";
    expect(detailPresent("duration", ["课程安排：第 1-2 月看完视频"], question)).toBe(false);
    expect(detailPresent("duration", ["视频共 12 集，每集约 40 分钟"], question)).toBe(true);
    // A study plan's length asked beside a video is not the video's.
    expect(detailPresent("duration", ["课程安排：第 1-2 月看完视频"], "看完这个视频以后，学完整个阶段要多久？")).toBe(true);
  });

  it("asks for a score in the plural too", () => {
    expect(detailsAsked("What scores do models get on that benchmark?")).toEqual(["score"]);
  });

  it("asks for a setting when the learner offers two values to choose between", () => {
    expect(detailsAsked("dropout 设 0.1 还是 0.3 好？")).toEqual(["setting"]);
    expect(detailsAsked("Should I set the batch to 32 or 64 for a small GPU?")).toEqual(["setting"]);
    // Two numbers in a question that asks no value: no setting.
    expect(detailsAsked("第 2 还是第 3 阶段讲 RAG？")).toEqual([]);
  });

  it("asks for an account or group to add, answered only by its id", () => {
    expect(detailsAsked("那个学习群的群号是多少？")).toEqual(["contact"]);
    expect(detailsAsked("What's the author's WeChat ID?")).toContain("contact");
    expect(detailPresent("contact", ["扫码加微信领取资料"])).toBe(false);
    expect(detailPresent("contact", ["微信号：llm_study_2024"])).toBe(true);
  });

  it("asks where a claim comes from, answered only by a passage naming its source", () => {
    expect(detailsAsked("这个说法出自哪里？")).toEqual(["source"]);
    expect(detailsAsked("Where does that 30% figure come from?")).toContain("source");
    expect(detailsAsked("what study says that?")).toContain("source");
    expect(detailsAsked("Does the post cite any study for that claim?")).toContain("source");
    // A research report named as one word: its words ask for the source, they are not the subject.
    expect(detailsAsked("那个增长数字是哪份调查报告得出的？")).toEqual(["source"]);
    expect(withoutDetailQuestions("这个比例是哪份研究报告的结论？")).not.toContain("报告");
    // A survey paper asked by what it covers is a title, not a source.
    expect(detailsAsked("Which survey covers instruction tuning?")).toEqual([]);
    expect(detailPresent("source", ["AI 岗位需求强劲，智能体将承担更多工作"])).toBe(false);
    expect(detailPresent("source", ["根据某招聘平台发布的年度报告，AI 岗位需求上升"])).toBe(true);
  });

  it("asks where a claim comes from by a verb of provenance before which source", () => {
    expect(detailsAsked("博客说一半岗位会被 AI 取代，这是根据哪份调查？")).toContain("source");
    expect(detailsAsked("這個比例是引用哪一份研究報告？")).toContain("source");
    expect(detailsAsked("那个结论依据的是什么统计？")).toContain("source");
    expect(detailsAsked("The post says half of the jobs will change. Based on what survey?")).toContain("source");
    expect(detailsAsked("It says most learners quit early; which report is that from?")).toContain("source");
    expect(detailsAsked("Where did the author get that 70% number?")).toContain("source");
    // What to read, what a method rests on, which papers a course lists: no claim's source.
    expect(detailsAsked("学 Transformer 应该参考什么资料？")).toEqual([]);
    expect(detailsAsked("LoRA 是基于什么原理？")).toEqual([]);
    expect(detailsAsked("这门课引用了哪些论文？")).toEqual([]);
  });

  it("asks for a size when a question wants to know how big a model, a memory or a setting is", () => {
    expect(detailsAsked("跑这个模型要多大显存？")).toEqual(["size"]);
    expect(detailsAsked("這個模型的參數量有多大？")).toContain("size");
    expect(detailsAsked("How big is the model they fine-tune?")).toEqual(["size"]);
    expect(detailsAsked("Which size of Llama do they suggest, the small one or the big one?")).toContain("size");
    expect(detailsAsked("BERT 用哪个规模的比较好？")).toContain("size");
    // Learners leave the question mark off.
    expect(detailsAsked("那个预训练语料有多大")).toEqual(["size"]);
    // How much something helps is not a size.
    expect(detailsAsked("学这个对找工作有多大帮助？")).toEqual([]);
    expect(detailPresent("size", ["单卡 24GB 即可微调 7B 模型"])).toBe(true);
    expect(detailPresent("size", ["千亿参数的模型"])).toBe(true);
    expect(detailPresent("size", ["显存越大越好，建议使用高端显卡"])).toBe(false);
  });

  it("needs a duration in the unit the question names, and counts prize money as a price", () => {
    expect(detailsAsked("这门课每周要学几个小时？")).toContain("duration");
    expect(detailPresent("duration", ["每周投入 8-10 小时"], "这门课每周要学几个小时？")).toBe(true);
    expect(detailPresent("duration", ["第一阶段约 2 个月"], "这门课每周要学几个小时？")).toBe(false);
    expect(detailPresent("duration", ["about 6 hours a week"], "How many hours per week for stage one?")).toBe(true);
    expect(detailPresent("duration", ["stage one takes 2 months"], "How many hours per week for stage one?")).toBe(false);
    // Hours by their abbreviation or the colloquial 钟头: a duration in hours, not a count of "hrs" or 钟.
    expect(detailsAsked("ok, how many hrs a week for stage two?")).toEqual(["duration"]);
    expect(detailPresent("duration", ["每周 15-20 小时"], "ok, how many hrs a week for stage two?")).toBe(true);
    expect(detailPresent("duration", ["持续 2-3 个月"], "ok, how many hrs a week for stage two?")).toBe(false);
    expect(detailsAsked("这门课大概要学多少个钟头？")).toEqual(["duration"]);
    expect(detailPresent("duration", ["每周 15-20 小时"], "这门课大概要学多少个钟头？")).toBe(true);
    // No unit named: any duration will do.
    expect(detailPresent("duration", ["第一阶段约 2 个月"], "第一阶段要学多久？")).toBe(true);
    expect(detailsAsked("那个视频有多长？")).toEqual(["duration"]);
    expect(detailsAsked("这个比赛的奖金有多少？")).toContain("price");
  });

  it("does not read a year as a duration, and needs a month when a month is asked", () => {
    expect(detailPresent("duration", ["见《2023年度开发者报告》"], "这门课要学多久？")).toBe(false);
    expect(detailPresent("duration", ["2023年9月发布，全程约 3 个月"], "这门课要学多久？")).toBe(true);
    expect(detailPresent("date", ["见《2023年度开发者报告》"], "这份报告是几月份发的？")).toBe(false);
    expect(detailPresent("date", ["2023年9月发布"], "这份报告是几月份发的？")).toBe(true);
    expect(detailPresent("date", ["Published in 2023."], "Which month was it published?")).toBe(false);
    expect(detailPresent("date", ["见《2023年度开发者报告》"], "这份报告是哪一年发的？")).toBe(true);
  });

  it("needs the day when a day is asked: a year or a month does not give it", () => {
    expect(detailsAsked("What day was it published?")).toEqual(["date"]);
    expect(detailPresent("date", ["见《2023年度开发者报告》", "2023年9月发布"], "那个报告具体是哪天发布的？")).toBe(false);
    expect(detailPresent("date", ["Created: 2023-06-27T13:42:33Z"], "那个报告具体是哪天发布的？")).toBe(true);
    expect(detailPresent("date", ["更新时间：20241018"], "最后是几号更新的？")).toBe(true);
    expect(detailPresent("date", ["Published in Sept 2023."], "On what date was it published?")).toBe(false);
    expect(detailPresent("date", ["Published on Sept 5, 2023."], "On what date was it published?")).toBe(true);
  });

  it("checks a count asked beside a duration, but never a duration's unit as a count", () => {
    expect(detailsAsked("这套视频一共几集？每集多长？")).toEqual(["duration", "count"]);
    expect(detailPresent("count", ["全套视频约 20 小时"], "这套视频一共几集？每集多长？")).toBe(false);
    expect(detailsAsked("这门课要多少小时？")).toEqual(["duration"]);
  });

  it("reads a question about a named hyperparameter's value as a setting", () => {
    expect(detailsAsked("Which dropout should I use for a small model?")).toContain("setting");
    expect(detailsAsked("QLoRA 的 alpha 一般设多少？")).toContain("setting");
    // A value asked as a recommendation or a default is still a value.
    expect(detailsAsked("Does the guide give a suggested dropout for small data?")).toContain("setting");
    expect(detailsAsked("QLoRA 的秩一般推荐多大？")).toContain("setting");
    expect(detailPresent("setting", ["LoRA 微调常用 rank=8、alpha=16"], "What rank is usual?")).toBe(true);
    expect(detailPresent("setting", ["学习 LoRA、QLoRA 等参数高效微调方法"], "What rank is usual?")).toBe(false);
    expect(detailsAsked("What is LoRA?")).toEqual([]);
  });

  it("asks for nothing special in ordinary questions", () => {
    expect(detailsAsked("学完 RAG 之后学什么")).toEqual([]);
    expect(detailsAsked("什麼是提示工程？")).toEqual([]);
    expect(detailsAsked("which book should I read for deep learning?")).toEqual([]);
  });

  it("finds a token of the asked kind in the passages, or not", () => {
    expect(detailPresent("price", ["该课程完全免费，在 B 站观看"])).toBe(true);
    expect(detailPresent("price", ["该课程讲解 Transformer 的原理"])).toBe(false);
    expect(detailPresent("date", ["2023 年发布的综述"])).toBe(true);
    expect(detailPresent("date", ["一篇很好的中文综述"])).toBe(false);
    // A date written compactly (更新时间：20241018), not any long number.
    expect(detailPresent("date", ["更新时间：20241018"])).toBe(true);
    expect(detailPresent("date", ["编号 20241399"])).toBe(false);
    expect(detailPresent("version", ["需要 PyTorch 2.1 以上"])).toBe(true);
    expect(detailPresent("duration", ["第二阶段（3-6个月）：基础夯实"])).toBe(true);
    expect(detailPresent("duration", ["Stage two takes 2 weeks"])).toBe(true);
    expect(detailPresent("duration", ["第二阶段：基础夯实"])).toBe(false);
    expect(detailPresent("setting", ["学习率通常取 1e-4"])).toBe(true);
    expect(detailPresent("setting", ["LoRA 是一种参数高效微调方法"])).toBe(false);
  });
  it("asks for a rate when a question asks how often, and a place when it asks which country or city", () => {
    expect(detailsAsked("How often does that newsletter come out?")).toEqual(["frequency"]);
    // 多久 here asks a rate, not a length of time.
    expect(detailsAsked("这个榜单多久更新一次？")).toEqual(["frequency"]);
    // Which of two rates asks how often too; a rate the learner states ("weekly 15 hours") asks none.
    expect(detailsAsked("那个通讯是 weekly 还是 monthly 的？")).toEqual(["frequency"]);
    expect(detailsAsked("这份榜单是周刊还是月刊？")).toEqual(["frequency"]);
    expect(detailsAsked("我 weekly 有 15 个小时，这个阶段要学多久？")).not.toContain("frequency");
    expect(detailPresent("frequency", ["每周固定时间阅读论文摘要"])).toBe(true);
    expect(detailPresent("frequency", ["A weekly digest of AI news"])).toBe(true);
    expect(detailPresent("frequency", ["订阅 1-2 个高质量的 AI 通讯，持续 3 个月"])).toBe(false);
    expect(detailsAsked("Which country is the team behind that model from?")).toEqual(["place"]);
    expect(detailsAsked("那本书的作者是哪国人？")).toContain("place");
    expect(detailPresent("place", ["清华大学（中国）的公开课"])).toBe(true);
    expect(detailPresent("place", ["Modular RAG: Transforming RAG Systems into LEGO-like Frameworks"])).toBe(false);
    // A city too: a salary figure says nothing of where it was measured.
    expect(detailsAsked("这个月薪是哪个城市的数据？")).toContain("place");
    expect(detailsAsked("Which city is that salary from?")).toContain("place");
    expect(detailPresent("place", ["AI产品经理平均月薪达到了5-6万左右"])).toBe(false);
    expect(detailPresent("place", ["一线城市的平均月薪达到了5-6万左右"])).toBe(true);
    // Where a course was recorded or held: a link to it does not say.
    expect(detailsAsked("那门公开课是在哪个教室录的？")).toContain("place");
    expect(detailsAsked("Where was the course recorded?")).toContain("place");
    expect(detailsAsked("这门课在哪里学比较好？")).not.toContain("place");
    expect(detailPresent("place", ["[清华大模型公开课第二季](https://www.bilibili.com/video/BV1x)"])).toBe(false);
  });

  it("asks for a price when an English question asks whether something is free", () => {
    expect(detailsAsked("Is the course free?")).toEqual(["price"]);
    expect(detailsAsked("Are they free or paid?")).toEqual(["price"]);
    // Free time is no price.
    expect(detailsAsked("I have some free time on weekends, where do I start?")).toEqual([]);
    // "Is <the thing> free?" however long the thing's name; a free thing asked for is no price asked.
    expect(detailsAsked("Is the 54-project LLM video collection on bilibili free, and who teaches it?")).toContain("price");
    expect(detailsAsked("Is there a free course on RAG?")).not.toContain("price");
  });
  it("asks for a link when a question asks where to download something, and a dataset when it asks which one", () => {
    expect(detailsAsked("那个项目的代码去哪儿下载？")).toContain("download");
    expect(detailsAsked("Where can I download the slides?")).toContain("download");
    expect(detailPresent("download", ["基于大模型的文档智能助手：支持多格式文档"])).toBe(false);
    expect(detailPresent("download", ["课件见 https://example.org/slides"])).toBe(true);
    expect(detailsAsked("微调小模型用哪个数据集？")).toContain("dataset");
    expect(detailsAsked("Which sentiment dataset should I start with?")).toContain("dataset");
    expect(detailPresent("dataset", ["情感分析系统：熟悉微调流程"])).toBe(false);
    // Downloading is no question of where, and data is no dataset asked.
    expect(detailsAsked("下载量最高的模型是哪个？")).not.toContain("download");
    expect(detailsAsked("数据清洗要学什么？")).not.toContain("dataset");
    // "去哪下" is 去哪下载 said short.
    expect(detailsAsked("那个课件去哪下？")).toContain("download");
    expect(detailsAsked("下一步去哪下功夫？")).not.toContain("download");
  });

  it("asks which loss a model is trained with, answered only by a loss named", () => {
    for (const question of [
      "那个语音模型训练时用的啥 loss？",
      "蒸馏的时候用的是什么损失函数？",
      "對比學習模型的 loss 是啥",
      "What loss does the retriever use?",
      "Which loss function is the reranker trained with?",
    ])
      expect(detailsAsked(question), question).toContain("loss");
    // What a loss is, a loss that will not fall, and the loss functions a document gives examples of.
    for (const question of ["loss 是啥", "训练时 loss 不下降怎么办？", "激活函数和损失函数各举了哪些例子？"])
      expect(detailsAsked(question), question).not.toContain("loss");
    expect(detailPresent("loss", ["多模态：图文对齐、跨模态检索"])).toBe(false);
    expect(detailPresent("loss", ["了解激活函数(ReLU)和损失函数(交叉熵、MSE)"])).toBe(true);
    expect(detailPresent("loss", ["trained with a contrastive objective"])).toBe(true);
  });

  it("asks what a work concluded or found, answered only by a finding reported", () => {
    for (const question of [
      "那篇综述最后得出的结论是什么？",
      "那个评测报告得出的主要问题是啥？",
      "What did the authors conclude about scaling?",
      "What are the key findings of that report?",
    ])
      expect(detailsAsked(question), question).toContain("finding");
    // Giving or drawing a conclusion, and whether a document gives one at all, are no finding of a work asked.
    for (const question of ["让模型先写推理再给结论的方法叫什么？", "先别下结论，有没有别的路线？"])
      expect(detailsAsked(question), question).not.toContain("finding");
    expect(detailPresent("finding", ["- 某论文：推理速度计算和瓶颈分析。【必看】"])).toBe(false);
    expect(detailPresent("finding", ["实验表明，数据质量比规模更重要"])).toBe(true);
    expect(detailPresent("finding", ["The study found that smaller models suffice."])).toBe(true);
  });

  it("asks whether something is lawful, answered only by a passage about law or rights", () => {
    for (const question of [
      "用AI生成的配音拿去直播犯法吗？",
      "拿别人的小说训练模型会不会侵权？",
      "個資法怎麼規定病歷的使用？",
      "Is it legal to scrape a forum for training data?",
      "What does copyright law say about model outputs?",
    ])
      expect(detailsAsked(question), question).toContain("legality");
    // The legal field as a learner's background or a project's domain is no question of law.
    for (const question of [
      "我是学法律的，转行来得及吗？",
      "Is there a project for building a legal assistant?",
      "我在律所工作，想做个法律问答助手",
    ])
      expect(detailsAsked(question), question).not.toContain("legality");
    expect(detailPresent("legality", ["项目：法律助手，基于判例库做问答"])).toBe(false);
    expect(detailPresent("legality", ["使用数据前须确认其许可证与版权"])).toBe(true);
  });

  it("asks whether a text written with AI can be told apart, answered only by a passage about detecting it", () => {
    for (const question of [
      "用ChatGPT写的读书报告，导师查得出来吗？",
      "拿AI润色的简历会不会被HR看出来",
      "Can a professor tell if a student used AI to write the assignment?",
      "Is there a way to detect AI-generated essays?",
    ])
      expect(detailsAsked(question), question).toContain("detection");
    // What a model can see or read, and a date a learner reads off a page, are no such question.
    for (const question of ["大模型能识别出图片里的文字吗", "多模态模型能看出图里是什么吗", "看得出来这篇是哪年写的吗"])
      expect(detailsAsked(question), question).not.toContain("detection");
    expect(detailsAsked("看得出来这篇是哪年写的吗")).not.toContain("finding");
    expect(detailPresent("detection", ["多模态：图文对齐、跨模态检索"])).toBe(false);
    expect(detailPresent("detection", ["可以用 AIGC 检测工具查一查"])).toBe(true);
  });

  it("asks which came first, answered only by a date or a first stated", () => {
    for (const question of [
      "RAG 和微调哪个先出？",
      "哪家公司最先推出插件功能？",
      "Which came out first, the paper or the course?",
      "Which model was the first to support tools?",
    ])
      expect(detailsAsked(question), question).toContain("precedence");
    // The order of a plan is the plan's own.
    for (const question of ["先学哪个比较好？", "微调最早在第几阶段出现？", "What should I learn first?"])
      expect(detailsAsked(question), question).not.toContain("precedence");
    expect(detailPresent("precedence", ["工具调用：ReAct、Function Calling"])).toBe(false);
    expect(detailPresent("precedence", ["2023 年 6 月首次支持函数调用"])).toBe(true);
  });

  it("reads every rule, past the 32 one gate holds, and takes each rule's words out of the question", () => {
    expect(DETAIL_RULES.length).toBeGreaterThan(32);
    const last = DETAIL_RULES.at(-1)!;
    expect(detailsAsked("那篇论文最后得出的结论是什么？")).toContain(last.kind);
    expect(withoutDetailQuestions("那篇论文最后得出的结论是什么？")).not.toContain("结论");
  });

  it("reads no date in 'keeping up to date'", () => {
    expect(detailsAsked("Which newsletters does the guide suggest for keeping up to date?")).not.toContain("date");
    expect(detailsAsked("What is the release date of that course?")).toContain("date");
  });

  it("reads no duration in the words naming a roadmap by the months it states", () => {
    expect(detailsAsked("那个三阶段、每段标了几个月的 roadmap 里，金融场景推荐用什么方法？")).not.toContain("duration");
    // The question's own duration is still asked.
    expect(detailsAsked("五个阶段、每段都标了几个月的那份指南，第三段要花多久？")).toContain("duration");
  });

  it("asks whether a stage ends in an exam, answered by an assessment the passage names", () => {
    expect(detailsAsked("第二阶段结束时有没有要通过的考试？")).toContain("exam");
    expect(detailsAsked("Is there a test at the end of stage two?")).toContain("exam");
    expect(detailPresent("exam", ["阶段评估：能够独立完成一个微调项目"])).toBe(true);
    expect(detailPresent("exam", ["Prompt 工程：结构化提示、少样本学习"])).toBe(false);
    // An exam that is the subject (a competition's name, an exam outside the field) is not asked of a stage.
    expect(detailsAsked("LLM Science Exam 是什么比赛？")).not.toContain("exam");
  });

  it("asks where the code is of a project's source code, answered by a repository, not by code as a subject", () => {
    expect(detailsAsked("那个翻译项目的源码在哪？")).toContain("code");
    expect(detailsAsked("有開源程式碼可以參考嗎？")).toContain("code");
    expect(detailsAsked("Is the source code for that project available?")).toContain("code");
    expect(detailPresent("code", ["课程代码见 https://github.com/example/course"])).toBe(true);
    // "代码生成" is what the project does.
    expect(detailPresent("code", ["实战项目一：基于提示工程的代码生成"])).toBe(false);
    expect(detailsAsked("代码生成要学什么？")).not.toContain("code");
  });

  it("does not take a date in the month the question itself states (the post's own date) for the date it asks", () => {
    const question = "那篇 2023年5月 的文章说这事要到哪一年才能实现？";
    expect(detailPresent("date", ["发布于 2023-05-12", "【2023最新】课程合集"], question)).toBe(false);
    expect(detailPresent("date", ["发布于 2023-05-12，预计 2026 年实现"], question)).toBe(true);
    // Without a stated month every date counts.
    expect(detailPresent("date", ["发布于 2023-05-12"], "这事要到哪一年才能实现？")).toBe(true);
  });

  it("does not take a length of time the question itself states for its answer", () => {
    const question = "那门课 20 小时里，微调部分大概占几个小时？";
    expect(detailPresent("duration", ["时长：约20小时"], question)).toBe(false);
    expect(detailPresent("duration", ["时长：约20小时，其中微调约 3 小时"], question)).toBe(true);
    // The same number with another unit, or in a range, is another length.
    expect(detailPresent("duration", ["每周15-20小时"], "我每周只有 15 hours，要学多久？")).toBe(true);
    expect(detailPresent("duration", ["持续 20 个月"], "每周 20 小时的话，要学多久？")).toBe(true);
  });
  it("asks for a result when a question asks who won or how someone placed", () => {
    expect(detailsAsked("那个比赛的冠军用了什么方法？")).toContain("result");
    expect(detailsAsked("Who were the winners of that hackathon?")).toContain("result");
    expect(detailPresent("result", ["竞赛平台：Kaggle、天池，通过参与竞赛学习最新方法"])).toBe(false);
    expect(detailPresent("result", ["该方案获得第一名，使用了检索增强"])).toBe(true);
    // Taking part is no result asked.
    expect(detailsAsked("有哪些比赛可以参加？")).toEqual([]);
  });
  it("asks for a score when a question asks how accurate something is or what it scores", () => {
    expect(detailsAsked("那个文本分类项目准确率能到多少？")).toContain("score");
    expect(detailsAsked("考试要多少分才算过？")).toContain("score");
    expect(detailsAsked("What accuracy does the spam filter project get?")).toContain("score");
    expect(detailsAsked("Which ROUGE score should my summarizer reach?")).toContain("score");
    // Minutes are a duration, and asking what a benchmark is asks for no score.
    expect(detailsAsked("这门课每节多少分钟？")).not.toContain("score");
    expect(detailsAsked("What is the GLUE benchmark?")).not.toContain("score");
    expect(detailPresent("score", ["基于 BERT 的文本分类系统，帮助开发者熟悉微调流程"])).toBe(false);
    expect(detailPresent("score", ["在测试集上准确率达到 92.5"])).toBe(true);
    expect(detailPresent("score", ["F1 reaches 0.87 on the held-out set"])).toBe(true);
  });

  it("reads each question's unit and stated durations for that question, however sentences and questions alternate", () => {
    // What a question asks (its unit, the durations it states) is remembered per question: never another's.
    const hours = "这门课每周要学几个小时？";
    const days = "这门课要学几天？";
    const stated = "那门课 20 小时里，微调部分大概占几个小时？";
    for (let round = 0; round < 2; round++) {
      expect(detailPresent("duration", ["每周投入 8-10 小时"], hours)).toBe(true);
      expect(detailPresent("duration", ["约 5 天"], hours)).toBe(false);
      expect(detailPresent("duration", ["约 5 天"], days)).toBe(true);
      expect(detailPresent("duration", ["每周投入 8-10 小时"], days)).toBe(false);
      expect(detailPresent("duration", ["时长：约20小时"], stated)).toBe(false);
      expect(detailPresent("duration", ["时长：约20小时"], "这门课要学多久？")).toBe(true);
      // Counts: each question its own unit, each unit its own pattern.
      expect(detailPresent("count", ["共 12 节"], "这个课程一共有多少节？")).toBe(true);
      expect(detailPresent("count", ["共 12 节"], "这本书一共有多少页？")).toBe(false);
      expect(detailPresent("count", ["about 300 pages"], "How many pages does the book have?")).toBe(true);
      expect(detailPresent("count", ["about 300 pages"], "How many chapters does the book have?")).toBe(false);
    }
  });

  it("takes every word that asks for a detail out of a question, the same on every call", () => {
    // The patterns are global and made once: a replace must not carry one call's position into the next.
    for (let i = 0; i < 3; i++) {
      expect(withoutDetailQuestions("LoRA 要学多久，多少钱？")).toBe("LoRA 要学 ， ？");
      expect(withoutDetailQuestions("how long does RAG take and how much does it cost")).toBe("  does RAG take and   it  ");
      expect(withoutDetailQuestions("多久多久")).toBe("  ");
      expect(withoutDetailQuestions("Transformer")).toBe("Transformer");
      // "平均月薪多少" asks the salary whole: 平均 is no subject (the engineers are).
      expect(withoutDetailQuestions("算法工程师的平均月薪是多少？")).toBe("算法工程师的 ？");
    }
  });
});

describe("detail presence, remembered per text", () => {
  it("answers each kind for a text on its own, however often and in whatever order the text is asked about", () => {
    const sentence = "这门课大约需要 20 小时。";
    for (let round = 0; round < 3; round++) {
      expect(detailPresent("duration", [sentence], "要学多久")).toBe(true);
      expect(detailPresent("price", [sentence], "多少钱")).toBe(false);
      expect(detailPresent("version", [sentence], "哪个版本")).toBe(false);
    }
    // Past what a rule remembers, a text is checked again.
    for (let i = 0; i < 3000; i++) detailPresent("duration", [`第 ${i} 行没有时长`], "要学多久");
    expect(detailPresent("duration", [sentence], "要学多久")).toBe(true);
    expect(detailPresent("duration", ["没有时长"], "要学多久")).toBe(false);
  });
});
