/**
 * node:util parseArgs reads "--bearing -90" as two options and refuses it as ambiguous. For options
 * whose value may be a negative number, a following "-<digit>" argument is joined: "--bearing=-90".
 */
export function joinNegativeValues(argv: string[], names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!,
      next = argv[i + 1];
    if (names.includes(a) && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}
