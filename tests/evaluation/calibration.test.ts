import { describe, expect, it } from "vitest";
import { chooseThresholds, crossValidate, curves, ratesAt, type LabelledSignals } from "../../src/evaluation/calibration.js";

/** Synthetic signals: answerable questions have evidence 0.3..0.9, unanswerable 0.02..0.2, one asks a missing detail. */
function items(): LabelledSignals[] {
  const out: LabelledSignals[] = [];
  for (let i = 0; i < 40; i++)
    out.push({ id: `a${i}`, unanswerable: false, signals: { evidence: 0.3 + (i % 7) * 0.1, weak: false, missingDetails: [] } });
  for (let i = 0; i < 10; i++)
    out.push({ id: `u${i}`, unanswerable: true, signals: { evidence: 0.02 + (i % 5) * 0.04, weak: false, missingDetails: [] } });
  out.push({ id: "u-detail", unanswerable: true, signals: { evidence: 0.7, weak: false, missingDetails: ["price"] } });
  return out;
}

describe("threshold calibration", () => {
  it("picks thresholds that separate the classes, refusing no answerable question", () => {
    const t = chooseThresholds(items());
    const rates = ratesAt(items(), t);
    expect(rates.answerableRefused).toBe(0);
    expect(rates.answerableLow).toBe(0);
    expect(rates.unanswerableCaught).toBe(1);
    expect(t.none).toBeLessThanOrEqual(t.low);
    expect(t.low).toBeLessThanOrEqual(0.3);
  });

  it("scores every question once, held out from the choice, with folds stable across reorderings", () => {
    const cv = crossValidate(items(), 5);
    expect(cv.folds.reduce((n, f) => n + f.size, 0)).toBe(51);
    expect(cv.pooled.unanswerableCaught).toBeGreaterThan(0.8);
    const again = crossValidate([...items()].reverse(), 5);
    expect(again.folds.map((f) => f.size)).toEqual(cv.folds.map((f) => f.size));
    expect(again.final).toEqual(cv.final);
  });

  it("draws the refusal curve: refusing more catches more unanswerable and refuses more answerable", () => {
    const { refuse } = curves(items(), { none: 0.05, low: 0.25 });
    const at = (t: number) => refuse.find((p) => Math.abs(p.threshold - t) < 1e-9)!;
    expect(at(0).answerableRefused).toBe(0);
    expect(at(0.8).answerableRefused).toBeGreaterThan(0.5);
    expect(at(0.25).unanswerableRefused).toBeGreaterThan(at(0.05).unanswerableRefused);
  });
});
