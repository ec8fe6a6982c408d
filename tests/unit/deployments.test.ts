import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { loadLayerFromDisk, loadShareContext, loadSites, OPTIONS, ROOT } from '../../scripts/lib/load-node.ts';
import { checkDeployments, standingIn, toSites, KINDS } from '../../src/data/deployments.ts';
import { sitesUnderOption } from '../../src/geo/sites.ts';
import { computeOption } from '../../src/geo/shares.ts';
import { geodesicCircle } from '../../src/geo/range-ring.ts';
import { distanceM } from '../../src/geo/geodesic.ts';
import { laea } from '../../src/geo/laea.ts';
import systems from '../../data/systems.json' with { type: 'json' };

const raw = JSON.parse(readFileSync(join(ROOT, 'geo/deployments.geojson'), 'utf8')) as FeatureCollection;
const sites = loadSites();
const SYSTEM_IDS = systems.systems.map((s) => s.id);

/** Every id in shared/reference/deployments.md. */
const REFERENCE_IDS = [
  'ru-18mgad-hq',
  'ru-gornoye',
  'ru-burevestnik',
  'ru-yasny',
  'ru-bastion-iturup',
  'ru-s300v4-iturup',
  'ru-s300v4-kunashir',
  'ru-46mgar-lagunnoye',
  'ru-bal-kunashir',
  'ru-airdef-kunashir',
  'ru-mendeleyevo',
  'ru-fsb-malokurilskoye',
  'ru-fsb-tanfilyeva',
  'ru-matua',
  'ru-paramushir',
  'jp-asdf-nemuro',
  'jp-asdf-abashiri',
  'jp-wakkanai',
  'jp-gsdf-shibetsu',
  'jp-gsdf-kushiro',
  'jp-gsdf-betsukai',
  'jp-gsdf-obihiro',
  'jp-gsdf-bihoro',
  'jp-gsdf-shikaoi',
  'jp-gsdf-asahikawa',
  'jp-gsdf-engaru',
  'jp-gsdf-nayoro',
  'jp-gsdf-higashichitose',
  'jp-asdf-chitose',
  'jp-gsdf-bibai',
  'us-usmc-yausubetsu',
];

describe('geo/deployments.geojson', () => {
  it('has at least 30 sites, covering every row of the reference table, with unique ids', () => {
    expect(sites.length).toBeGreaterThanOrEqual(30);
    const ids = sites.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REFERENCE_IDS) expect(ids).toContain(id);
  });

  it('respects vocabularies, years, known systems and has sources on every site', () => {
    expect(checkDeployments('geo/deployments.geojson', raw, SYSTEM_IDS)).toEqual([]);
    for (const s of sites) {
      expect(s.props.sources.length).toBeGreaterThan(0);
      expect(s.props.sources.some((x) => x.url || x.title)).toBe(true);
      if (s.props.since !== null && s.props.until !== null) expect(s.props.since).toBeLessThanOrEqual(s.props.until);
      expect(KINDS).toContain(s.props.kind);
    }
  });

  it('reports what is wrong with a broken site', () => {
    const broken = structuredClone(raw);
    Object.assign(broken.features[0]!.properties!, {
      kind: 'castle',
      since: 2020,
      until: 2010,
      systems: ['death-ray'],
      sources: [],
    });
    const messages = checkDeployments('geo/deployments.geojson', broken, SYSTEM_IDS).map(
      (p) => `${p.path}: ${p.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/properties\.kind: kind "castle" is not one of/),
        expect.stringMatching(/properties\.until: until 2010 is before since 2020/),
        expect.stringMatching(/properties\.systems\[0\]: unknown system "death-ray"/),
        expect.stringMatching(/properties\.sources: needs at least one source/),
      ]),
    );
  });

  it('has every note in Japanese and Russian, keeping its numbers; a translation that loses one is reported', () => {
    const withNote = sites.filter((s) => s.props.note);
    expect(withNote.length).toBe(sites.length);
    for (const s of withNote) {
      expect(s.props.note_ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(s.props.note_ru).toMatch(/[а-яё]/i);
    }
    const broken = structuredClone(raw);
    const [a, b, c] = broken.features.map((f) => f.properties!);
    // 19 May 1978 written the Japanese way keeps its runs; 3,500 with a narrow space keeps 3 and 500.
    Object.assign(a!, {
      note: 'Formed 19 May 1978; about 3,500 troops.',
      note_ja: '1978年5月19日に編成。約3,500人。',
      note_ru: 'Сформирована 19 мая 1978 г.; около 3\u202f500 военнослужащих.',
    });
    Object.assign(b!, {
      note: 'Runway 2,380-2,400 m, built 1941.',
      note_ja: '滑走路は約2,380 m、1914年建設。',
      note_ru: null,
    });
    Object.assign(c!, { note: null, note_ja: 'なし', note_ru: null });
    const messages = checkDeployments('geo/deployments.geojson', broken, SYSTEM_IDS).map(
      (p) => `${p.path}: ${p.message}`,
    );
    expect(messages).toEqual([
      'features[1].properties.note_ja: note_ja lacks the numbers 400, 1941 of the English',
      'features[1].properties.note_ru: note_ru is missing: the text needs its translation',
      'features[2].properties.note_ja: note_ja translates a note the site does not have',
    ]);
  });

  it(
    'checks every site source in the one source format: a link to the publication or a bibliographic reference, ' +
      'never notes',
    () => {
      const broken = structuredClone(raw);
      broken.features[1]!.properties!.sources = [
        { id: 'a', title: 'Some page', publisher: 'Some site', date: null, url: 'http://example.org/x' },
        { id: 'b', title: 'Some report', publisher: 'Some paper', date: null, url: null },
        { id: 'c', title: 'Sites (project research notes)', publisher: 'this project', date: '2026', url: null },
        { id: 'c', title: 'Another', publisher: 'P', date: '2020', url: 'https://example.org/y' },
      ];
      const messages = checkDeployments('geo/deployments.geojson', broken, SYSTEM_IDS).map(
        (p) => `${p.path}: ${p.message}`,
      );
      expect(messages).toEqual([
        'features[1].properties.sources[0].url: must be an https URL, got "http://example.org/x"',
        'features[1].properties.sources[1]: is neither a link to the publication (an https url) ' +
          'nor a bibliographic reference (author or publisher, title and date)',
        'features[1].properties.sources[2]: points into this repository or to notes a reader cannot see: ' +
          'cite the publication itself',
        'features[1].properties.sources[3].id: "c" is used by two sources',
      ]);
    },
  );

  it('places every site on an island within 2 km of that island', () => {
    const islands = loadLayerFromDisk('islands');
    const hokkaido = loadLayerFromDisk('hokkaido');
    const land = new Map(
      [...islands.features, ...hokkaido.features].map((f) => [String(f.properties!.id), f.geometry as MultiPolygon]),
    );
    for (const s of sites) {
      const g = land.get(s.props.island);
      if (!g) continue;
      const d = booleanPointInPolygon(s.lonlat, g) ? 0 : distanceToCoastM(s.lonlat, g);
      expect(d, `${s.id} is ${Math.round(d)} m from ${s.props.island}`).toBeLessThan(2000);
    }
  });

  it('timeline: what stood in a given year', () => {
    const ids = (y: number) => standingIn(sites, y).map((s) => s.id);
    // The S-300V4 units are reported from 2020 (a drill was reported in May 2023; no withdrawal was announced,
    // so they have no end year); Yasny airport opened in 2014.
    expect(ids(2021)).toEqual(expect.arrayContaining(['ru-s300v4-iturup', 'ru-s300v4-kunashir', 'ru-yasny']));
    expect(ids(2019)).not.toContain('ru-s300v4-iturup');
    expect(ids(2024)).toContain('ru-s300v4-iturup');
    expect(ids(2010)).not.toContain('ru-yasny');
    // Counts, checked against an independent reading of the raw file.
    for (const y of [1990, 2000, 2016, 2021, 2024]) {
      const expected = raw.features.filter((f) => {
        const { since, until } = f.properties as { since: number | null; until: number | null };
        return !(since !== null && since > y) && !(until !== null && until < y);
      }).length;
      expect(ids(y).length, `year ${y}`).toBe(expected);
    }
    expect(ids(1990).length).toBeLessThan(ids(2021).length);
  });
});

describe('sites under each option', () => {
  const ctx = loadShareContext();
  const byId = (id: string) =>
    sitesUnderOption(
      ctx,
      computeOption(
        ctx,
        OPTIONS.find((o) => o.id === id)!,
        'geodesic',
      ),
      sites,
    );

  it(
    'the exact equal-area split hands over the Kunashiri, Shikotan and Habomai sites, ' +
      'and none of the placed Etorofu sites',
    () => {
      const r = byId('equal-area');
      expect(r.toJapan.sort()).toEqual([
        'ru-46mgar-lagunnoye',
        'ru-airdef-kunashir',
        'ru-bal-kunashir',
        'ru-fsb-malokurilskoye',
        'ru-fsb-tanfilyeva',
        'ru-mendeleyevo',
        'ru-s300v4-kunashir',
      ]);
      // Positions known only to Etorofu cannot be placed either side of a line across it.
      expect(r.ambiguous.sort()).toEqual(['ru-bastion-iturup', 'ru-s300v4-iturup']);
      // Burevestnik and Gornoye on Kasatka Bay lie north-east of the equal-area line.
      expect(r.toJapan).not.toContain('ru-burevestnik');
      expect(r.toJapan).not.toContain('ru-gornoye');
    },
  );

  it('counts only what stands in the year considered', () => {
    const ctx2 = loadShareContext();
    const r = computeOption(
      ctx2,
      OPTIONS.find((o) => o.id === 'equal-area')!,
      'geodesic',
    );
    expect(sitesUnderOption(ctx2, r, standingIn(sites, 2021)).toJapan).toContain('ru-s300v4-kunashir');
    expect(sitesUnderOption(ctx2, r, standingIn(sites, 2019)).toJapan).not.toContain('ru-s300v4-kunashir');
    expect(sitesUnderOption(ctx2, r, standingIn(sites, 2019)).ambiguous).toEqual(['ru-bastion-iturup']);
  });

  it('status quo hands over nothing, four islands every site on the four islands', () => {
    expect(byId('status-quo').toJapan).toEqual([]);
    const all = sites
      .filter((s) => ['habomai', 'shikotan', 'kunashiri', 'etorofu'].includes(s.props.island))
      .map((s) => s.id)
      .sort();
    expect(byId('four-islands').toJapan.sort()).toEqual(all);
    expect(byId('two-islands').toJapan.sort()).toEqual(['ru-fsb-malokurilskoye', 'ru-fsb-tanfilyeva']);
  });
});

describe('range rings', () => {
  it('are geodesic circles of the reported radius', () => {
    const c: Position = [147.86, 45.09];
    const ring = geodesicCircle(c, 300).coordinates[0]!;
    for (const p of ring) expect(Math.abs(distanceM(c, p) - 300_000)).toBeLessThan(0.5);
    expect(toSites(raw).length).toBe(sites.length);
  });
});

function distanceToCoastM(p: Position, g: MultiPolygon): number {
  const proj = laea(p);
  let best = Infinity;
  for (const poly of g.coordinates)
    for (const ring of poly) {
      const xy = ring.map((q) => proj.forward(q[0]!, q[1]!));
      for (let i = 0; i + 1 < xy.length; i++) {
        const [ax, ay] = xy[i]!,
          [bx, by] = xy[i + 1]!;
        const t = Math.max(0, Math.min(1, (-ax * (bx - ax) - ay * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)));
        best = Math.min(best, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
      }
    }
  return best;
}
