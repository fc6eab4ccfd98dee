/**
 * Questions a learner asks, in both languages, used as the benchmark workload over the bundled
 * corpus. They only need to be realistic in length and vocabulary: nothing is asserted on the
 * answers, and nothing in the product is tuned to them.
 */
export const BENCH_QUESTIONS: readonly string[] = [
  "学完 LoRA 之后该学什么?",
  "which book should I read for deep learning?",
  "大模型学习需要哪些数学基础?",
  "What is RAG and when should I learn it?",
  "Transformer 的自注意力机制怎么学?",
  "how do I get started with prompt engineering?",
  "微调和预训练有什么区别?",
  "推荐一些 LLM 入门课程",
  "which papers explain RLHF?",
  "向量数据库在 RAG 里有什么作用?",
  "分布式训练要学哪些框架?",
  "what should I learn before fine-tuning a model?",
  "Agent 智能体开发的学习路线是什么?",
  "how long does the whole roadmap take?",
  "模型量化和部署怎么入门?",
  "what projects can I build to practice?",
];
