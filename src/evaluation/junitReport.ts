import { XMLBuilder } from "fast-xml-parser";
import { ungated, type EvaluationReport } from "./evaluationReport.js";
import type { GateOutcome } from "./gates.js";
import type { QuestionResult } from "./types.js";

/**
 * junit.xml for CI test reporters. Each gate is a test case that fails only when the gate fails
 * (skipped when its metric was not measured), and the baseline comparison is one more: a passing
 * run reads green, a failing one red. Per-question misses are not failures of the run, so by
 * default they are listed in the gates suite's <system-out>; with `--junit-per-question` each
 * question is also a test case of its own suite (a miss is a <failure>, a pipeline error an
 * <error>), for teams that want to browse questions as tests.
 *
 * Written with fast-xml-parser's XMLBuilder, which escapes text and attributes.
 */

export interface JunitOptions {
  perQuestion: boolean;
}

const SUITE = "roadmap-tutor.eval";

/** Characters XML 1.0 does not allow at all (control characters other than tab, LF, CR; lone surrogates); escaping cannot carry them. */
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, "\uFFFD");
}

const seconds = (ms: number | null) => ((ms ?? 0) / 1000).toFixed(3);

type XmlNode = Record<string, unknown>;

/** Attributes use the "@_" prefix; every string is made XML-safe here, escaping is the builder's. */
function attrs(values: Record<string, string | number>): XmlNode {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`@_${k}`, typeof v === "string" ? xmlSafe(v) : String(v)]));
}

function formatValue(gate: GateOutcome): string {
  if (gate.actual === null) return "not measured";
  return Number.isInteger(gate.actual) ? String(gate.actual) : gate.actual.toFixed(3);
}

function gateCase(gate: GateOutcome): XmlNode {
  const sign = gate.bound === "min" ? "≥" : "≤";
  const node: XmlNode = attrs({ classname: `${SUITE}.gates`, name: `${gate.gate}: ${gate.label} ${sign} ${gate.threshold}`, time: "0" });
  if (gate.status === "failed") {
    const message = `${gate.label} is ${formatValue(gate)}, the gate needs ${sign} ${gate.threshold}${gate.note ? ` (${gate.note})` : ""}`;
    node.failure = { ...attrs({ message, type: "GateFailed" }), "#text": xmlSafe(message) };
  } else if (gate.status === "skipped") {
    node.skipped = attrs({ message: gate.note ?? "not measured in this run" });
  }
  return node;
}

function baselineCase(baseline: NonNullable<EvaluationReport["baseline"]>): XmlNode {
  const node: XmlNode = attrs({
    classname: `${SUITE}.gates`,
    name: `baseline: no metric drops more than ${baseline.tolerance} below ${baseline.file}`,
    time: "0",
  });
  if (!baseline.passed) {
    const dropped = baseline.metrics.filter((m) => m.regressed).map((m) => `${m.label} ${m.baseline.toFixed(3)} → ${m.current.toFixed(3)}`);
    const questions = baseline.regressedQuestions.map((q) => `${q.id}: ${q.changes.join("; ")}`);
    node.failure = {
      ...attrs({ message: `regressed: ${dropped.join("; ")}`, type: "BaselineRegressed" }),
      "#text": xmlSafe([...dropped, ...questions].join("\n")),
    };
  }
  return node;
}

function questionCase(result: QuestionResult): XmlNode {
  const kind = result.kind ?? (result.unanswerable ? "unanswerable" : "question");
  const node: XmlNode = attrs({
    classname: `${SUITE}.questions.${kind}`,
    name: `${result.id}: ${result.question}`,
    time: seconds(result.latencyMs),
  });
  if (result.error !== undefined) {
    node.error = { ...attrs({ message: result.error, type: "PipelineError" }), "#text": xmlSafe(result.failures.join("\n")) };
  } else if (result.failures.length > 0) {
    node.failure = { ...attrs({ message: result.failures[0]!, type: "QuestionMissed" }), "#text": xmlSafe(result.failures.join("\n")) };
  }
  if (result.answer) node["system-out"] = xmlSafe(result.answer.text);
  return node;
}

/** A <testsuite> whose counts are those of its cases, children in the JUnit schema's order. */
function suite(
  name: string,
  cases: XmlNode[],
  report: EvaluationReport,
  time: string,
  extra: { properties?: XmlNode; systemOut?: string } = {},
): XmlNode {
  const count = (element: string) => cases.filter((c) => element in c).length;
  return {
    ...attrs({
      name,
      tests: cases.length,
      failures: count("failure"),
      errors: count("error"),
      skipped: count("skipped"),
      time,
      timestamp: report.createdAt,
    }),
    ...(extra.properties ? { properties: extra.properties } : {}),
    testcase: cases,
    ...(extra.systemOut !== undefined ? { "system-out": xmlSafe(extra.systemOut) } : {}),
  };
}

export function junitReport(report: EvaluationReport, options: JunitOptions = { perQuestion: false }): string {
  const time = seconds(report.questions.reduce((sum, q) => sum + (q.latencyMs ?? 0), 0));
  const gateCases = [...report.gates.map(gateCase), ...(report.baseline ? [baselineCase(report.baseline)] : [])];
  if (ungated(report)) {
    gateCases.push({
      ...attrs({ classname: `${SUITE}.gates`, name: "no gates set", time: "0" }),
      skipped: attrs({ message: "no gate or baseline was given: the run only measured" }),
    });
  }
  const misses = report.questions.filter((q) => q.failures.length > 0).map((q) => `${q.id}: ${q.failures.join("; ")}`);
  const properties = [
    ["dataset", report.dataset.file],
    ["target", report.target],
    ["k", String(report.k)],
    ["passed", String(report.passed)],
    ...Object.entries(report.summary)
      .filter(([, v]) => typeof v === "number")
      .map(([key, v]) => [key, String(v)]),
  ];
  const gatesSuite = suite(`${SUITE}.gates`, gateCases, report, "0", {
    properties: { property: properties.map(([name, value]) => attrs({ name: name!, value: value! })) },
    ...(options.perQuestion
      ? {}
      : {
          systemOut:
            misses.length === 0
              ? "Every question passed every check."
              : `Questions with a miss (${misses.length} of ${report.questions.length}; not gate failures):\n${misses.join("\n")}`,
        }),
  });
  const suites = [gatesSuite];
  if (options.perQuestion) suites.push(suite(`${SUITE}.questions`, report.questions.map(questionCase), report, time));

  const total = (attribute: string) => suites.reduce((sum, s) => sum + Number(s[`@_${attribute}`]), 0);
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    indentBy: "  ",
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
  });
  const document = {
    "?xml": attrs({ version: "1.0", encoding: "UTF-8" }),
    testsuites: {
      ...attrs({
        name: SUITE,
        tests: total("tests"),
        failures: total("failures"),
        errors: total("errors"),
        skipped: total("skipped"),
        time,
      }),
      testsuite: suites,
    },
  };
  return builder.build(document);
}
