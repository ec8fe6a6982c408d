import { describe, expect, it } from 'vitest';
import { boundsAroundPoint, findUserPoints, pointSetOf, type UserPoint } from '../../src/geo/user-points.ts';
import { CLUSTER_MAX_ZOOM } from '../../src/map/point-tiles.ts';
import { prng as mulberry32 } from '../../scripts/lib/prng.ts';

const pt = (id: string, lon = 145, lat = 44): UserPoint => ({ id, lonlat: [lon, lat], properties: {} });

describe('finding an imported point by its id', () => {
  const points = pointSetOf(['Kur-12', 'kur-1', 'A-kur-9', 'x', 'KUR-1', 'B7', 'kur-100'].map((id) => pt(id)));

  it('puts the exact id first, then ids that start with the text, then ids that contain it', () => {
    const r = findUserPoints(points, 'KUR-1', 10);
    expect(r.matches.map((p) => p.id)).toEqual(['KUR-1', 'Kur-12', 'kur-1', 'kur-100']);
    expect(r.total).toBe(4);
    expect(findUserPoints(points, 'kur', 10).matches.map((p) => p.id)).toEqual([
      'Kur-12',
      'kur-1',
      'KUR-1',
      'kur-100',
      'A-kur-9',
    ]);
  });

  it('finds nothing for empty text or no match, and ignores surrounding spaces', () => {
    expect(findUserPoints(points, '   ', 10)).toEqual({ matches: [], total: 0 });
    expect(findUserPoints(points, 'zz', 10)).toEqual({ matches: [], total: 0 });
    expect(findUserPoints(points, ' B7 ', 10).matches.map((p) => p.id)).toEqual(['B7']);
  });

  /** The rule read plainly, id by id: exact ids, then ids starting with the text, then ids containing it. */
  const reference = (ids: readonly string[], query: string, limit: number): string[] => {
    const q = query.trim(),
      lower = q.toLowerCase();
    const at = (id: string) => id.toLowerCase().indexOf(lower);
    const exact = ids.filter((id) => id === q);
    const prefix = ids.filter((id) => id !== q && at(id) === 0);
    const inside = ids.filter((id) => id !== q && at(id) > 0);
    return [...exact, ...prefix, ...inside].slice(0, limit);
  };

  it("gives the plain rule's matches in its order, over random ids, whatever their letters", () => {
    const rand = mulberry32(11);
    // ASCII ids (searched in one string, where a hit may run across two ids: it must not count), and ids
    // with letters whose lower case is longer (İ) or not ASCII (Σ, ß): searched id by id.
    for (const alphabet of ['abAB-1', 'aAbİΣß-']) {
      const ids = Array.from({ length: 2000 }, () =>
        Array.from({ length: Math.floor(rand() * 6) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''),
      );
      const set = pointSetOf(ids.map((id) => pt(id)));
      for (const q of ['a', 'ab', 'AB', 'b-', '-a', 'ba', 'aa', 'abab', '1', 'İ', 'σ', 'ß', 'x']) {
        const r = findUserPoints(set, q, 10);
        expect(r.matches.map((p) => p.id)).toEqual(reference(ids, q, 10));
        expect(r.total).toBe(reference(ids, q, Infinity).length);
      }
    }
  });

  it('counts every match but returns at most the limit, over random ids (checked by a regular expression)', () => {
    const rand = mulberry32(7);
    const alphabet = 'abAB-1';
    const many = Array.from({ length: 3000 }, (_, i) =>
      pt(
        Array.from({ length: 1 + Math.floor(rand() * 6) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(
          '',
        ) || `p${i}`,
      ),
    );
    for (const q of ['a', 'ab', 'B-', '1a', 'bb1', 'A']) {
      const escaped = q.replace(/[-]/g, '\\-');
      const re = new RegExp(escaped, 'i');
      const expected = many.filter((p) => re.test(p.id));
      const r = findUserPoints(pointSetOf(many), q, 10);
      expect(r.total).toBe(expected.length);
      expect(r.matches.length).toBe(Math.min(10, expected.length));
      for (const m of r.matches) expect(re.test(m.id)).toBe(true);
      // An exact match, when there is one, comes first.
      if (many.some((p) => p.id === q)) expect(r.matches[0]!.id).toBe(q);
    }
  });
});

describe('the view box around a found point', () => {
  /** The zoom at which MapLibre (512 px tiles, Web Mercator) fits a box into width × height px. */
  const fittedZoom = ([[w, s], [e, n]]: [[number, number], [number, number]], width: number, height: number) => {
    const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
    const zx = Math.log2((width * 360) / (512 * (e - w)));
    const zy = Math.log2(height / (512 * (y(n) - y(s))));
    return Math.min(zx, zy);
  };

  it('is close enough that the point is drawn out of any cluster, on a desktop map and a phone', () => {
    for (const lat of [-60, 0, 42.5, 43.8, 45.5, 60]) {
      const b = boundsAroundPoint([146, lat]);
      expect(b[0][0]).toBeLessThan(146);
      expect(b[1][0]).toBeGreaterThan(146);
      expect(b[0][1]).toBeLessThan(lat);
      expect(b[1][1]).toBeGreaterThan(lat);
      // Padding 40 px on each side, as the map's fit to a focus box.
      for (const [w, h] of [
        [900, 760],
        [390, 330],
      ] as const)
        expect(fittedZoom(b, w - 80, h - 80)).toBeGreaterThan(CLUSTER_MAX_ZOOM + 1);
    }
  });
});
