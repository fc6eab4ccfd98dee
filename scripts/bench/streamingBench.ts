import { buildIfStale } from "./builtServer.js";
import { forkScript, type ChildHandle } from "./childProcess.js";
import { startPacedOpenAiServer, type PacedServer } from "./pacedOpenAiServer.js";
import { BENCH_QUESTIONS } from "./queries.js";
import type { BenchmarkReport } from "./report.js";
import { round, summarize } from "./stats.js";
import { timeEventStream } from "./streamTimer.js";
import { checkTarget } from "./targets.js";
import { benchEnv, BUNDLED_CORPUS_DIR, createWorkspace } from "./workspace.js";

type ServerMessage = { type: "ready"; port: number } | { type: "stats" };

const ANSWER_CHUNKS =
  "Start with the fundamentals of deep learning [1], then practise fine-tuning with LoRA [2] and finish with a small RAG project [1].".split(
    /(?<= )/,
  );

interface StreamSample {
  question: string;
  /** Client sends the request → client sees the first token event. */
  ttftMs: number;
  /** The upstream's own time to first token (request arrived → first chunk written). */
  upstreamTtftMs: number;
  overheadMs: number;
  /** Client sends → the model request reaches the upstream: HTTP, validation, retrieval, prompt, client setup. */
  beforeUpstreamMs: number;
  /** Upstream writes its first chunk → client sees the token: parsing and re-framing the stream. */
  relayMs: number;
  citationsMs: number;
}

/**
 * Time to first token through /api/ask in LLM mode minus the upstream's own time to first token,
 * against a fixed-pace OpenAI-compatible server on 127.0.0.1. The product runs in a child process;
 * the client and the paced server share this process, so their clocks are the same clock.
 */
export async function runStreamingBench({ quick }: { quick: boolean }): Promise<BenchmarkReport> {
  const started = performance.now();
  const firstTokenDelayMs = quick ? 20 : 50;
  const tokenIntervalMs = quick ? 2 : 10;
  const samplesWanted = quick ? 6 : 60;
  const paced = await startPacedOpenAiServer({ firstTokenDelayMs, tokenIntervalMs, chunks: ANSWER_CHUNKS });
  const workspace = await createWorkspace("streaming", { corpusSource: BUNDLED_CORPUS_DIR });
  buildIfStale("the streaming benchmark");
  const app: ChildHandle<ServerMessage> = forkScript<ServerMessage>(
    "appServerProcess",
    [
      JSON.stringify(
        benchEnv({
          CORPUS_DIR: workspace.corpusDir,
          INDEX_DIR: workspace.indexDir,
          OPENAI_BASE_URL: paced.baseURL,
          OPENAI_API_KEY: "bench-not-a-real-key",
          CHAT_MODEL: "paced-chat",
          OPENAI_MAX_RETRIES: "0",
        }),
      ),
    ],
    {},
    { built: true },
  );
  try {
    let port = 0;
    for (;;) {
      const message = await app.next(180_000);
      if (message.type === "ready") {
        port = message.port;
        break;
      }
    }
    const askUrl = `http://127.0.0.1:${port}/api/ask`;

    for (let i = 0; i < (quick ? 2 : 5); i++) await sample(askUrl, paced, BENCH_QUESTIONS[i % BENCH_QUESTIONS.length] ?? "");
    const samples: StreamSample[] = [];
    let skipped = 0;
    for (let i = 0; samples.length < samplesWanted && i < samplesWanted * 3; i++) {
      const result = await sample(askUrl, paced, BENCH_QUESTIONS[i % BENCH_QUESTIONS.length] ?? "");
      if (result) samples.push(result);
      else skipped++;
    }
    if (samples.length === 0) throw new Error("no streamed answer reached the paced upstream (every question abstained or failed)");

    const direct: number[] = [];
    for (let i = 0; i < Math.max(3, samplesWanted / 2); i++) {
      const before = paced.timings.length;
      const t = await timeEventStream(`${paced.baseURL}/chat/completions`, {
        model: "paced-chat",
        stream: true,
        messages: [{ role: "user", content: "hi" }],
      });
      const upstream = paced.timings[before];
      const first = t.firstEventAt.message;
      if (upstream && first !== undefined) direct.push(first - t.startedAt - (upstream.firstChunkAt - upstream.receivedAt));
    }

    const overhead = summarize(samples.map((s) => s.overheadMs));
    const before = summarize(samples.map((s) => s.beforeUpstreamMs));
    const relay = summarize(samples.map((s) => s.relayMs));
    const ttft = summarize(samples.map((s) => s.ttftMs));
    const upstreamTtft = summarize(samples.map((s) => s.upstreamTtftMs));
    const citations = summarize(samples.map((s) => s.citationsMs));
    const directOverhead = summarize(direct);

    const findings = [
      `Of the ${overhead.p50Ms} ms p50 overhead, ${before.p50Ms} ms pass before the model request reaches the upstream ` +
        `(HTTP parsing, validation, retrieval, prompt, client setup) and ${relay.p50Ms} ms between the upstream's first chunk and the client's first token event. ` +
        `A bare client talking to the same upstream adds ${directOverhead.p50Ms} ms (network and parsing floor).`,
    ];
    return {
      benchmark: "streaming",
      seconds: round((performance.now() - started) / 1000, 1),
      results: {
        upstream: { firstTokenDelayMs, tokenIntervalMs, chunks: ANSWER_CHUNKS.length },
        skippedQuestions: skipped,
        ttft,
        upstreamTtft,
        overhead,
        beforeUpstream: before,
        relay,
        citationsEvent: citations,
        directClientOverhead: directOverhead,
        samples,
      },
      targets: [
        checkTarget("streamingOverhead", overhead.p50Ms, { quick, note: `p50 of ${samples.length} requests; p95 ${overhead.p95Ms} ms` }),
      ],
      tables: [
        {
          title: `Streaming /api/ask (LLM mode) against an upstream with a ${firstTokenDelayMs} ms first token`,
          header: ["measure", "p50 ms", "p95 ms", "p99 ms"],
          rows: [
            ["time to first token (client)", ttft.p50Ms, ttft.p95Ms, ttft.p99Ms],
            ["upstream's own time to first token", upstreamTtft.p50Ms, upstreamTtft.p95Ms, upstreamTtft.p99Ms],
            ["overhead (difference)", overhead.p50Ms, overhead.p95Ms, overhead.p99Ms],
            ["  before the upstream call", before.p50Ms, before.p95Ms, before.p99Ms],
            ["  relaying the first chunk", relay.p50Ms, relay.p95Ms, relay.p99Ms],
            ["citations event (client)", citations.p50Ms, citations.p95Ms, citations.p99Ms],
            ["bare client → upstream overhead", directOverhead.p50Ms, directOverhead.p95Ms, directOverhead.p99Ms],
          ],
        },
      ],
      findings,
    };
  } finally {
    await app.stop();
    await paced.close();
    await workspace.cleanup();
  }
}

async function sample(url: string, paced: PacedServer, question: string): Promise<StreamSample | undefined> {
  const before = paced.timings.length;
  const t = await timeEventStream(url, { question, stream: true });
  const firstToken = t.firstEventAt.token;
  // Exactly one model call per question (no history, no condense call): otherwise it abstained or failed.
  if (t.status !== 200 || paced.timings.length !== before + 1 || firstToken === undefined) return undefined;
  const upstream = paced.timings[before];
  if (!upstream || Number.isNaN(upstream.firstChunkAt)) return undefined;
  const ttftMs = firstToken - t.startedAt;
  const upstreamTtftMs = upstream.firstChunkAt - upstream.receivedAt;
  return {
    question,
    ttftMs: round(ttftMs),
    upstreamTtftMs: round(upstreamTtftMs),
    overheadMs: round(ttftMs - upstreamTtftMs),
    beforeUpstreamMs: round(upstream.receivedAt - t.startedAt),
    relayMs: round(firstToken - upstream.firstChunkAt),
    citationsMs: round((t.firstEventAt.citations ?? Number.NaN) - t.startedAt),
  };
}
