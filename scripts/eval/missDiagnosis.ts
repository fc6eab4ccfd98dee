/**
 * `npx tsx scripts/eval/missDiagnosis.ts FILE.jsonl`: for each answerable question whose answer
 * does not cite a gold passage, print the gold chunk's rank in retrieve() at k = 20 and the
 * answer's citations (role, document). Prints the questions to the terminal for diagnosis only;
 * nothing here feeds the product.
 */
import { historyTurns, loadDataset } from "../../src/evaluation/dataset.js";
import { isGold, locateQuote, type LocatedGold } from "../../src/evaluation/goldMatching.js";
import { openOfflineTutor } from "./offlineTutor.js";

const file = process.argv[2]!;
const { retriever, answerer, index } = await openOfflineTutor();
const sourceText = new Map(index.documents.map((d) => [d.source, d.text]));
const short = (s: string) => s.replace(/^.*\//, "").slice(0, 18);

for (const line of (await loadDataset(file)).questions) {
  if (line.unanswerable) continue;
  const history = historyTurns(line.history);
  const answer = await answerer.answer({ question: line.question, history, k: 5 });
  const golds: LocatedGold[] = line.gold.map((g) => ({
    ...g,
    occurrences: locateQuote(sourceText.get(g.document) ?? "", g.quote),
  }));
  const cited = answer.citations.findIndex((c) =>
    isGold({ source: c.source, text: c.text, startLine: c.lines.start, endLine: c.lines.end, headingPath: c.headingPath }, golds),
  );
  if (cited >= 0 && cited < 5) continue;
  const wide = await retriever.retrieve(answer.standaloneQuestion, { k: 20 });
  const rank = wide.passages.findIndex((p) =>
    isGold(
      {
        source: index.documents.find((d) => d.id === p.chunk.docId)?.source ?? "",
        text: p.chunk.text,
        startLine: p.chunk.startLine,
        endLine: p.chunk.endLine,
        headingPath: p.chunk.headingPath,
      },
      golds,
    ),
  );
  console.log(
    `\n[${line.id}] ${line.classes.join(",")} conf=${answer.confidence} citedRank=${cited} k20rank=${rank} unlocated=${golds.filter((g) => g.occurrences.length === 0).length}`,
  );
  console.log(`  Q: ${line.history.length ? `(${line.history.join(" | ")}) ` : ""}${line.question}`);
  console.log(`  standalone: ${answer.standaloneQuestion}`);
  console.log(`  gold: ${line.gold.map((g) => `${short(g.document)}: ${g.quote.slice(0, 50)}`).join(" || ")}`);
  console.log(
    `  cites: ${answer.citations.map((c) => `${c.role}@${short(c.source)}:${c.headingPath.at(-1)?.slice(0, 20) ?? ""}`).join(" ; ")}`,
  );
}
process.exit(0);
