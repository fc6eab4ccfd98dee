/**
 * The file a build-* script writes its table to: `--out FILE`, else the table's place in src/.
 * A bare `--out` is a usage error (exit 2), named by the script that was run.
 */
export function tableOutput(script: string, defaultPath: string, args: readonly string[] = process.argv.slice(2)): string {
  const at = args.indexOf("--out");
  const out = at >= 0 ? args[at + 1] : defaultPath;
  if (!out) {
    console.error(`usage: npx tsx scripts/${script} [--out FILE]`);
    process.exit(2);
  }
  return out;
}
