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

/*
 * Distinct questions for the HTTP benchmark: every request asks something not asked before in
 * the run, so no answer cache or per-question memo can help (issue 16 measures distinct and
 * repeated questions separately). Field topics × question forms × learner situations, in both
 * languages; like BENCH_QUESTIONS they only need realistic length and vocabulary.
 */
const TOPICS: readonly string[] = [
  "LoRA",
  "QLoRA",
  "RAG",
  "Transformer",
  "注意力机制",
  "预训练",
  "微调",
  "RLHF",
  "提示工程",
  "prompt engineering",
  "向量数据库",
  "embedding",
  "模型量化",
  "知识蒸馏",
  "分布式训练",
  "DeepSpeed",
  "PyTorch",
  "Python",
  "线性代数",
  "概率论",
  "深度学习",
  "机器学习",
  "神经网络",
  "多模态",
  "Agent",
  "LangChain",
  "私有化部署",
  "推理优化",
  "vLLM",
  "模型评估",
  "数据清洗",
  "tokenizer",
  "BERT",
  "GPT",
  "Llama",
  "Hugging Face",
  "fine-tuning",
  "retrieval augmented generation",
  "mixed precision",
  "quantization",
];

const FORMS: readonly ((topic: string) => string)[] = [
  (t) => `学完 ${t} 之后该学什么?`,
  (t) => `${t} 应该在哪个阶段学?`,
  (t) => `${t} 有什么推荐的入门资料?`,
  (t) => `学 ${t} 之前需要先掌握什么?`,
  (t) => `${t} 大概要花多长时间?`,
  (t) => `what comes after ${t} in the roadmap?`,
  (t) => `which resources do you recommend for ${t}?`,
  (t) => `what should I know before learning ${t}?`,
  (t) => `how long should I spend on ${t}?`,
  (t) => `${t} 和项目实战怎么结合?`,
];

const SITUATIONS: readonly string[] = [
  "",
  "我是前端工程师，",
  "我是在校研究生，",
  "每天只有两小时，",
  "I'm a backend developer. ",
  "I'm new to AI. ",
  "零基础转行，",
  "有一点 Python 基础，",
];

/** How many distinct questions distinctQuestion() can make before it starts over. */
export const DISTINCT_QUESTION_COUNT = TOPICS.length * FORMS.length * SITUATIONS.length;

/** The n-th distinct question (n wraps around after DISTINCT_QUESTION_COUNT). */
export function distinctQuestion(n: number): string {
  const i = ((n % DISTINCT_QUESTION_COUNT) + DISTINCT_QUESTION_COUNT) % DISTINCT_QUESTION_COUNT;
  const topic = TOPICS[i % TOPICS.length] ?? "";
  const form = FORMS[Math.floor(i / TOPICS.length) % FORMS.length] ?? FORMS[0]!;
  const situation = SITUATIONS[Math.floor(i / (TOPICS.length * FORMS.length))] ?? "";
  return `${situation}${form(topic)}`;
}
