/**
 * "3Blue1Brown" where the reading list writes "3brown1blue": a name whose letter and digit runs
 * are the corpus's name's runs in another order is that name, written one way by the learner and
 * another by the document. Read by the unknown-name check (questionJudge.ts) and by the named
 * list item (namedListItem.ts), which compare names in this form.
 */

/** Names of more runs than this are not reordered (their orders grow as a factorial). */
const MAX_RUNS = 4;

/** A folded name's letter and digit runs, sorted: "3blue1brown" and "3brown1blue" alike. */
export function runsKey(name: string): string {
  return (name.toLowerCase().match(/[a-z]+|[0-9]+/g) ?? []).sort().join(" ");
}

/** Whether the corpus uses the token's runs in another order (the token itself aside). */
export function reorderedCorpusName(token: string, used: (token: string) => boolean): boolean {
  const runs = token.toLowerCase().match(/[a-z]+|[0-9]+/g) ?? [];
  if (runs.length < 2 || runs.length > MAX_RUNS || runs.join("") !== token.toLowerCase()) return false;
  return orders(runs).some((order) => order !== token.toLowerCase() && used(order));
}

function orders(runs: readonly string[]): string[] {
  if (runs.length <= 1) return [runs.join("")];
  return runs.flatMap((run, i) => orders([...runs.slice(0, i), ...runs.slice(i + 1)]).map((rest) => run + rest));
}
