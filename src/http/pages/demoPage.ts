import { escapeHtml } from "./escapeHtml.js";

const STARTERS = ["学完 LoRA 之后该学什么？", "入门大模型需要先学哪些数学基础？", "Which book should I read for deep learning?"];

const STYLE = `
body{margin:0;font:17px/1.8 Georgia,"Songti SC","Noto Serif CJK SC","WenQuanYi Zen Hei",serif;color:#222;background:#fafaf7}
article{max-width:42em;margin:0 auto;padding:48px 20px 120px}
h1{font-size:2em;line-height:1.3;margin:0 0 .2em}
.byline{color:#595959;font-size:.85em;margin-bottom:2em}
h2{margin-top:2em;font-size:1.3em}
pre:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
pre{background:#272822;color:#f8f8f2;padding:14px;border-radius:6px;overflow-x:auto;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
.tip{background:#fff8e1;border-left:4px solid #f0b429;padding:10px 14px}
`;

/**
 * GET /: a short study-blog post with the widget embedded exactly as a blogger would embed it,
 * so `npm start` and a browser show the whole product working.
 */
export function renderDemoPage(baseUrl: string): string {
  const snippet = `<script src="${baseUrl}/widget.js" data-endpoint="${baseUrl}" defer></script>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>我的大模型学习笔记 · Roadmap Tutor demo</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<article>
<h1>从零开始学大模型：我的三个月学习笔记</h1>
<p class="byline">一篇示例博客文章 · Roadmap Tutor 演示页</p>
<p>去年年底我决定系统地学习大语言模型（LLM）。网上的学习路线很多：有人建议先把 Python 和线性代数打牢，有人直接从 Prompt 工程和 RAG 应用入手，也有人推荐先读《深度学习》再去啃 Transformer 论文。三个月下来，我把走过的路整理成这篇笔记。</p>
<h2>第一个月：基础</h2>
<p>我先补了 Python、NumPy 和 PyTorch，又复习了线性代数、概率论和微积分里和神经网络有关的部分。随后用 PyTorch 实现了一个小型的 Transformer，理解了自注意力（self-attention）和位置编码。</p>
<h2>第二个月：应用</h2>
<p>这一阶段的重点是 Prompt Engineering、LangChain 和检索增强生成（RAG）：把自己的笔记切块、向量化，存进向量数据库，再让模型带着引用回答问题。</p>
<h2>第三个月：微调</h2>
<p>最后我学了参数高效微调：LoRA、QLoRA，以及如何在单张显卡上用量化部署模型。接下来该学什么？右下角的助手会根据收录的几份学习路线回答，并给出可以点开的出处。</p>
<p class="tip">试试问右下角的助手：「学完 LoRA 之后该学什么？」或 “Which book should I read for deep learning?”</p>
<h2>把助手放进你自己的博客</h2>
<p>只需要在页面里加一行：</p>
<pre tabindex="0" aria-label="嵌入代码"><code>${escapeHtml(snippet)}</code></pre>
<p>可选属性：<code>data-title</code>、<code>data-language</code>（zh / en）、<code>data-theme</code>（light / dark / auto）、<code>data-position</code>（bottom-right / bottom-left）、<code>data-accent</code>、<code>data-starters="问题一|问题二"</code>、<code>data-open</code>。</p>
</article>
</main>
<script src="/widget.js" data-starters="${escapeHtml(STARTERS.join("|"))}" defer></script>
</body>
</html>
`;
}
