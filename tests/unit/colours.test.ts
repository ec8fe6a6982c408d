import { describe, expect, it } from 'vitest';
import { COLORS } from '../../src/map/style.ts';
import { SITE_COLORS } from '../../src/map/site-features.ts';

// Machado, Oliveira & Fernandes (2009) simulation matrices at severity 1.0, applied in linear RGB.
type Vec3 = [number, number, number];
const CVD: Record<string, [Vec3, Vec3, Vec3]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
  none: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
};

const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function rgb(hex: string): Vec3 {
  const n = parseInt(hex.slice(1), 16);
  return [lin(((n >> 16) & 255) / 255), lin(((n >> 8) & 255) / 255), lin((n & 255) / 255)];
}
function lab([r, g, b]: Vec3): Vec3 {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b,
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
function simulate(hex: string, m: [Vec3, Vec3, Vec3]): Vec3 {
  const [r, g, b] = rgb(hex);
  const channel = (row: Vec3) => Math.min(1, Math.max(0, row[0] * r + row[1] * g + row[2] * b));
  return [channel(m[0]), channel(m[1]), channel(m[2])];
}
const deltaE = (a: string, b: string, m: [Vec3, Vec3, Vec3]) => {
  const p = lab(simulate(a, m)),
    q = lab(simulate(b, m));
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};
function siteColour(country: string): string {
  const c = SITE_COLORS[country];
  if (!c) throw new Error(`no site colour for ${country}`);
  return c;
}

describe('colours stay distinguishable under colour-vision deficiencies', () => {
  const pairs: [string, string, string][] = [
    ['Japan side / Russia side', COLORS.sideJapan, COLORS.sideRussia],
    ['RU / JP sites', siteColour('RU'), siteColour('JP')],
    ['RU / US sites', siteColour('RU'), siteColour('US')],
    ['JP / US sites', siteColour('JP'), siteColour('US')],
    ['island / sea', COLORS.island, COLORS.sea],
  ];
  for (const [name, a, b] of pairs) {
    it(name, () => {
      for (const [kind, m] of Object.entries(CVD)) {
        // ΔE*ab of 20 is clearly distinct at a glance for map fills and symbols.
        expect(deltaE(a, b, m), `${name} under ${kind}`).toBeGreaterThan(20);
      }
    });
  }
});
