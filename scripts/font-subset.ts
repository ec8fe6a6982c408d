/**
 * Cuts the fonts the page ships down to the characters it uses: `npm run fonts:build`.
 *
 * Input: the fonts of @fontsource/noto-sans (Latin, Latin Extended, Greek, Cyrillic) and
 * @fontsource/noto-sans-jp (kana and kanji), both SIL Open Font License 1.1. Characters: every character
 * of the data files (data/*.json, geo/*.geojson), of the interface's sources (src/ .ts, .tsx, .css) and
 * of the two HTML pages, plus printable ASCII, Latin-1 and the basic Cyrillic alphabet whole (so that a
 * user's own names in those scripts also show). Kanji and kana are only those used (a user's other
 * kanji fall back to the machine's fonts).
 *
 * Output, in src/fonts/: one woff2 per source file that holds a used character (fontsource ships each
 * font in unicode-range slices; HarfBuzz (subset-font) cuts each slice to the characters used, so a
 * kanji comes from the same slice Google Fonts serves it from), fonts.css with an @font-face per file
 * (family "Atlas Sans", unicode-range = exactly the characters in that file), OFL.txt (the licence) and
 * fonts.json (what was made, for the report and the tests). Same input, same output.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { createHash } from 'node:crypto';

const require = createRequire(import.meta.url);
const subsetFont = require('subset-font') as (
  buf: Buffer,
  text: string,
  opts: { targetFormat: 'woff2' },
) => Promise<Buffer>;

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'src', 'fonts');
export const FAMILY = 'Atlas Sans';

/** The faces shipped: Noto Sans for everything it covers, Noto Sans JP for kana and kanji; bold only for the former. */
const FACES: { pkg: string; weight: 400 | 700; slices: (name: string) => boolean }[] = [
  {
    pkg: '@fontsource/noto-sans',
    weight: 400,
    slices: (n) => /^noto-sans-(latin|latin-ext|greek|cyrillic)-400-normal$/.test(n),
  },
  {
    pkg: '@fontsource/noto-sans',
    weight: 700,
    slices: (n) => /^noto-sans-(latin|latin-ext|greek|cyrillic)-700-normal$/.test(n),
  },
  { pkg: '@fontsource/noto-sans-jp', weight: 400, slices: (n) => /^noto-sans-jp-\d+-400-normal$/.test(n) },
];

function walk(dir: string, exts: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fonts' ? [] : walk(p, exts);
    return exts.test(e.name) ? [p] : [];
  });
}

/** The characters to cover, as sorted code points. */
export function usedCodePoints(): number[] {
  const files = [
    ...walk(join(ROOT, 'data'), /\.json$/),
    ...walk(join(ROOT, 'geo'), /\.geojson$/),
    ...walk(join(ROOT, 'src'), /\.(ts|tsx|css)$/),
    join(ROOT, 'index.html'),
    join(ROOT, 'online.html'),
  ].sort();
  const cps = new Set<number>();
  for (const f of files) for (const ch of readFileSync(f, 'utf8')) cps.add(ch.codePointAt(0)!);
  const range = (a: number, b: number) => {
    for (let c = a; c <= b; c++) cps.add(c);
  };
  range(0x20, 0x7e);
  range(0xa0, 0xff);
  range(0x401, 0x401);
  range(0x410, 0x44f);
  range(0x451, 0x451);
  for (const c of '–—‘’“”…•′″−→≈≤≥±№°²³·×') cps.add(c.codePointAt(0)!);
  // Controls, private use, emoji and variation selectors are no font's business here.
  return [...cps]
    .filter(
      (c) =>
        c >= 0x20 &&
        !(c >= 0x7f && c < 0xa0) &&
        !(c >= 0xe000 && c <= 0xf8ff) &&
        !(c >= 0xfe00 && c <= 0xfe0f) &&
        c < 0x1f000,
    )
    .sort((a, b) => a - b);
}

/** The slices of a fontsource package's CSS: file name and code points. */
function slicesOf(pkg: string, weight: number): { name: string; file: string; cps: Set<number> }[] {
  const dir = dirname(require.resolve(`${pkg}/package.json`));
  const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
  const out: { name: string; file: string; cps: Set<number> }[] = [];
  for (const m of css.matchAll(/url\(\.\/files\/([^)]+)\.woff2\)[^;]*;\s*unicode-range:\s*([^;]+);/g)) {
    const cps = new Set<number>();
    // Both groups are required by the pattern, so a match has them.
    const name = m[1]!,
      range = m[2]!;
    for (const part of range.split(',')) {
      const [a, b] = part
        .trim()
        .replace(/^U\+/i, '')
        .split('-')
        .map((h) => parseInt(h, 16));
      // split() gives at least one element: a is always there, b only for a range.
      for (let c = a!; c <= (b ?? a!); c++) cps.add(c);
    }
    out.push({ name, file: join(dir, 'files', `${name}.woff2`), cps });
  }
  return out;
}

/** A unicode-range value for sorted code points (runs joined). */
export function unicodeRange(cps: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cps.length; i++) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j]! + 1) j++;
    const h = (c: number) => c.toString(16);
    parts.push(j > i ? `U+${h(cps[i]!)}-${h(cps[j]!)}` : `U+${h(cps[i]!)}`);
    i = j;
  }
  return parts.join(',');
}

async function main() {
  const want = usedCodePoints();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const rules: string[] = [];
  const made: { file: string; weight: number; source: string; chars: number; bytes: number; sha256: string }[] = [];
  const covered = new Map<number, Set<number>>(); // weight -> code points covered so far
  for (const face of FACES) {
    const done = covered.get(face.weight) ?? new Set<number>();
    covered.set(face.weight, done);
    for (const slice of slicesOf(face.pkg, face.weight).filter((s) => face.slices(s.name))) {
      // A code point goes to the first face and slice that has it (Noto Sans before Noto Sans JP).
      const mine = want.filter((c) => slice.cps.has(c) && !done.has(c));
      if (!mine.length) continue;
      const text = String.fromCodePoint(...mine);
      const woff2 = await subsetFont(readFileSync(slice.file), text, { targetFormat: 'woff2' });
      const file = `${slice.name.replace(/^noto-sans/, 'atlas-noto-sans')}.woff2`;
      writeFileSync(join(OUT, file), woff2);
      mine.forEach((c) => done.add(c));
      rules.push(
        `@font-face {\n  font-family: '${FAMILY}';\n  font-style: normal;\n  font-display: swap;\n` +
          `  font-weight: ${face.weight};\n  src: url(./${file}) format('woff2');\n` +
          `  unicode-range: ${unicodeRange(mine)};\n}`,
      );
      made.push({
        file,
        weight: face.weight,
        source: `${face.pkg}/files/${slice.name}.woff2`,
        chars: mine.length,
        bytes: woff2.length,
        sha256: createHash('sha256').update(woff2).digest('hex'),
      });
    }
  }
  const pkgVersion = (p: string) =>
    (JSON.parse(readFileSync(require.resolve(`${p}/package.json`), 'utf8')) as { version: string }).version;
  const total = made.reduce((s, m) => s + m.bytes, 0);
  writeFileSync(
    join(OUT, 'fonts.css'),
    [
      '/* Generated by scripts/font-subset.ts (npm run fonts:build): do not edit. ' +
        `Noto Sans ${pkgVersion('@fontsource/noto-sans')} and Noto Sans JP ${pkgVersion('@fontsource/noto-sans-jp')}`,
      ` * (fontsource), cut to the ${want.length} characters the interface and the data use; ` +
        `${made.length} files, ${(total / 1024).toFixed(1)} kB.`,
      ' * SIL Open Font License 1.1: see OFL.txt beside this file (shipped as fonts/OFL.txt). */',
      ...rules,
      '',
    ].join('\n'),
  );
  const licence = (p: string) => readFileSync(join(dirname(require.resolve(`${p}/package.json`)), 'LICENSE'), 'utf8');
  writeFileSync(
    join(OUT, 'OFL.txt'),
    [
      'The fonts in this folder (atlas-noto-sans-*.woff2) are subsets of Noto Sans and Noto Sans JP, made by',
      'scripts/font-subset.ts from the fontsource packages. Reserved Font Names: none are used here (the',
      'family is renamed "Atlas Sans" in fonts.css). Their copyright notices and licence follow.',
      '',
      '--- Noto Sans ---',
      '',
      licence('@fontsource/noto-sans'),
      '',
      '--- Noto Sans JP ---',
      '',
      licence('@fontsource/noto-sans-jp'),
    ].join('\n'),
  );
  writeFileSync(
    join(OUT, 'fonts.json'),
    JSON.stringify(
      {
        family: FAMILY,
        command: 'npm run fonts:build',
        script: 'scripts/font-subset.ts',
        sources: {
          '@fontsource/noto-sans': pkgVersion('@fontsource/noto-sans'),
          '@fontsource/noto-sans-jp': pkgVersion('@fontsource/noto-sans-jp'),
          'subset-font': pkgVersion('subset-font'),
        },
        licence: 'OFL-1.1',
        characters: want.length,
        total_bytes: total,
        files: made,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(
    `${made.length} files, ${want.length} characters, ${(total / 1024).toFixed(1)} kB in ${relative(ROOT, OUT)}/`,
  );
  const missing = want.filter((c) => !covered.get(400)!.has(c));
  if (missing.length) console.log(`not in the fonts (left to the machine's): ${String.fromCodePoint(...missing)}`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
