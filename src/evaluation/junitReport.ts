import type { EvaluationReport } from "./evaluationReport.js";
import type { QuestionResult } from "./types.js";

/**
 * JUnit XML, one testcase per question, so CI systems show evaluation questions like tests: a
 * question that missed a check is a <failure> whose text says what was missing, a pipeline
 * error is an <error>.
 */

/** Characters XML 1.0 does not allow at all (control characters other than tab, LF, CR; lone surrogates). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const seconds = (ms: number | null) => ((ms ?? 0) / 1000).toFixed(3);

function testcase(result: QuestionResult, suite: string): string {
  const name = `${result.id}: ${result.question}`;
  const open = `    <testcase classname="${escapeXml(`${suite}.${result.kind ?? (result.unanswerable ? "unanswerable" : "question")}`)}" name="${escapeXml(name)}" time="${seconds(result.latencyMs)}"`;
  const body: string[] = [];
  if (result.error !== undefined) {
    body.push(`      <error message="${escapeXml(result.error)}" type="PipelineError">${escapeXml(result.failures.join("\n"))}</error>`);
  } else if (result.failures.length > 0) {
    body.push(`      <failure message="${escapeXml(result.failures[0]!)}" type="EvaluationFailure">${escapeXml(result.failures.join("\n"))}</failure>`);
  }
  if (result.answer) body.push(`      <system-out>${escapeXml(result.answer.text)}</system-out>`);
  return body.length === 0 ? `${open}/>` : `${open}>\n${body.join("\n")}\n    </testcase>`;
}

export function junitReport(report: EvaluationReport): string {
  const suite = "roadmap-tutor.eval";
  const tests = report.questions.length;
  const errors = report.questions.filter((q) => q.error !== undefined).length;
  const failures = report.questions.filter((q) => q.error === undefined && q.failures.length > 0).length;
  const time = seconds(report.questions.reduce((sum, q) => sum + (q.latencyMs ?? 0), 0));
  const properties = [
    ["dataset", report.dataset.file],
    ["target", report.target],
    ["k", String(report.k)],
    ["passed", String(report.passed)],
    ...Object.entries(report.summary)
      .filter(([, v]) => typeof v === "number")
      .map(([key, v]) => [key, String(v)]),
  ];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${suite}" tests="${tests}" failures="${failures}" errors="${errors}" time="${time}">`,
    `  <testsuite name="${escapeXml(report.dataset.file)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0" time="${time}" timestamp="${escapeXml(report.createdAt)}">`,
    `    <properties>`,
    ...properties.map(([name, value]) => `      <property name="${escapeXml(name!)}" value="${escapeXml(value!)}"/>`),
    `    </properties>`,
    ...report.questions.map((q) => testcase(q, suite)),
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}
