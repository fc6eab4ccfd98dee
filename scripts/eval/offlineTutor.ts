/**
 * The offline product for the measurement scripts in this folder, built by the one composition
 * root (src/tutor.ts) exactly as `npm start` builds it without a model server.
 */
import { loadEnvFile, parseConfig } from "../../src/config.js";
import { openTutor } from "../../src/tutor.js";

export async function openOfflineTutor() {
  loadEnvFile(process.env);
  // Offline on purpose: these scripts measure retrieval and the extractive answer.
  const config = parseConfig({ ...process.env, OPENAI_BASE_URL: "", OPENAI_API_KEY: "" });
  const tutor = await openTutor(config, { buildIfMissing: true });
  return { config, tutor, retriever: tutor.retriever, answerer: tutor.answerer, index: tutor.index.current() };
}
