/**
 * Every user-visible string of the exports (map figures as PNG and SVG, their controls, and the text
 * fields of the GeoJSON and CSV), in one object, so that a translation can replace it whole. Numbers are
 * formatted by the functions given here too (a translation may change separators and units).
 */
import type { Kind } from '../data/deployments.ts';
import { fmtDate, formatters, type Formatters } from './format.ts';
import { tFor, type UiLanguage } from '../i18n/index.ts';

export interface ExportStrings {
  appName: string;
  disputed: string;
  /** The title of a figure: the option and its figures. */
  title: (o: {
    option: string;
    japanPercent: string;
    russiaPercent: string;
    japanKm2: string;
    russiaKm2: string;
  }) => string;
  /** The line under the title: the cut island and its share, if any, and the area basis. */
  subtitle: (o: { cut: { island: string; percentToJapan: string; bearing: string } | null; basis: string }) => string;
  basis: { geodesic: string; official: string };
  islandNames: Record<string, string>;
  legendTitle: string;
  legend: {
    japan: string;
    russia: string;
    island: string;
    hokkaido: string;
    otherLand: string;
    sea: string;
    cutLine: (bearing: string) => string;
    settlement: string;
    userPoint: string;
    userCluster: string;
    selectedUserPoint: (id: string) => string;
    /** The user's imported territory: its side A, side B and cut line. */
    territoryA: string;
    territoryB: string;
    territoryLine: string;
    countries: Record<'RU' | 'JP' | 'US', string>;
    certainty: { exact: string; settlement: string; island: string };
    handed: string;
    rings: string;
    ringsMax: string;
  };
  kinds: Record<Kind, string>;
  northArrow: string;
  /** Some sites in the frame give way to others (they would overlap at the figure's scale). */
  sitesDrawn: (shown: string, total: string) => string;
  sources: string;
  officialSource: (title: string) => string;
  attribution: string;
  made: (o: { date: string; dataVersion: string }) => string;
  viewNote: string;
  // Controls on the page.
  controls: {
    legend: string;
    size: string;
    png: string;
    svg: string;
    busy: string;
    failed: (why: string) => string;
    sizes: { current: string; '1200x800': string; '1920x1080': string; a4: string };
  };
  // GeoJSON and CSV.
  sides: { japan: string; russia: string };
  whole: string;
  cut: string;
  /** The language, and its number formats for the figure's title and legend. */
  lang: UiLanguage;
  fmt: Formatters & { percent: (fraction: number) => string; deg: (x: number) => string };
}

/** Every word of the exports in one language (src/i18n/<lang>.ts, key "export"). */
export function exportStrings(lang: UiLanguage): ExportStrings {
  const t = tFor(lang);
  const f = formatters(lang);
  const deg = (x: number) => `${lang === 'ru' ? x.toFixed(2).replace('.', ',') : x.toFixed(2)}°`;
  return {
    lang,
    fmt: { ...f, km2: (x: number, digits = 1) => f.km2(x, digits), percent: (x: number) => f.pct(x * 100, 2), deg },
    appName: t('app.title'),
    disputed: t('status.disputed'),
    title: (o) => t('export.title', o),
    subtitle: (o) =>
      [
        o.cut
          ? t('export.subtitleCut', { island: o.cut.island, bearing: o.cut.bearing, pct: o.cut.percentToJapan })
          : t('export.subtitleNoCut'),
        t('export.subtitleBasis', { basis: o.basis }),
      ].join(' · '),
    basis: { geodesic: t('export.basisGeodesic'), official: t('export.basisOfficial') },
    islandNames: {
      habomai: t('islands.habomai'),
      shikotan: t('islands.shikotan'),
      kunashiri: t('islands.kunashiri'),
      etorofu: t('islands.etorofu'),
    },
    legendTitle: t('export.legendTitle'),
    legend: {
      japan: t('export.japan'),
      russia: t('export.russia'),
      island: t('export.island'),
      hokkaido: t('export.hokkaido'),
      otherLand: t('export.otherLand'),
      sea: t('export.sea'),
      cutLine: (b) => t('export.cutLine', { bearing: b }),
      settlement: t('export.settlement'),
      userPoint: t('export.userPoint'),
      userCluster: t('export.userCluster'),
      selectedUserPoint: (id) => t('export.selectedUserPoint', { id }),
      territoryA: `${t('legend.territory')} ${t('territory.sideALabel')}`,
      territoryB: `${t('legend.territory')} ${t('territory.sideBLabel')}`,
      territoryLine: `${t('legend.territory')} ${t('territory.line')}`,
      countries: { RU: t('export.countryRU'), JP: t('export.countryJP'), US: t('export.countryUS') },
      certainty: {
        exact: t('export.certaintyExact'),
        settlement: t('export.certaintySettlement'),
        island: t('export.certaintyIsland'),
      },
      handed: t('export.handed'),
      rings: t('export.rings'),
      ringsMax: t('export.ringsMax'),
    },
    kinds: {
      headquarters: t('deployments.kinds.headquarters'),
      garrison: t('deployments.kinds.garrison'),
      'coastal-missile': t('deployments.kinds.coastal-missile'),
      'air-defence': t('deployments.kinds.air-defence'),
      airfield: t('deployments.kinds.airfield'),
      radar: t('deployments.kinds.radar'),
      naval: t('deployments.kinds.naval'),
      'border-post': t('deployments.kinds.border-post'),
      'training-area': t('deployments.kinds.training-area'),
    },
    northArrow: t('export.northArrow'),
    sitesDrawn: (shown, total) => t('export.sitesDrawn', { shown, total }),
    sources: t('export.sources'),
    officialSource: (title) => t('export.officialSource', { title }),
    attribution: t('export.attribution'),
    // English keeps the ISO date (YYYY-MM-DD); Japanese and Russian write it out.
    made: (o) => t('export.made', { date: lang === 'en' ? o.date : fmtDate(o.date, lang), dataVersion: o.dataVersion }),
    viewNote: t('export.viewNote'),
    controls: {
      legend: t('export.controlsLegend'),
      size: t('export.size'),
      png: t('export.png'),
      svg: t('export.svg'),
      busy: t('export.busy'),
      failed: (why) => t('export.failed', { why }),
      sizes: {
        current: t('export.sizeCurrent'),
        '1200x800': t('export.size1200'),
        '1920x1080': t('export.size1920'),
        a4: t('export.sizeA4'),
      },
    },
    sides: { japan: t('export.sideJapan'), russia: t('export.sideRussia') },
    whole: t('export.whole'),
    cut: t('export.cut'),
  };
}

/** English: the exports' words before a language is chosen, and what the tests compare with. */
export const EXPORT_STRINGS: ExportStrings = exportStrings('en');
