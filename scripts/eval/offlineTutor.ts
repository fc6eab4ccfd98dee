/**
 * The offline product for the measurement scripts in this folder, built by the one composition
 * root (src/tutor.ts) exactly as `npm start` builds it without a model server.
 */
import { loadEnvFile, parseConfig } from "../../src/config.js";
import { openPipeline } from "../../src/tutor.js";

export async function openOfflineTutor() {
  loadEnvFile(process.env);
  // Offline on purpose: these scripts measure retrieval and the extractive answer.
  const config = parseConfig({ ...process.env, OPENAI_BASE_URL: "", OPENAI_API_KEY: "" });
  const pipeline = await openPipeline(config, { buildIfMissing: true });
  return { config, pipeline, retriever: pipeline.retriever, answerer: pipeline.answerer, index: pipeline.index.current() };
}
