/** The sea under the current option, by the equidistance method: figures, straits, and a published figure beside ours. */
import type { SeaState } from '../map/use-sea.ts';
import { STRAITS } from '../map/use-sea.ts';

const km2 = (m2: number) => `${Math.round(m2 / 1e6).toLocaleString('en-US')} km²`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const signed = (m2: number) => `${m2 >= 0 ? '+' : '−'}${Math.round(Math.abs(m2) / 1e6).toLocaleString('en-US')} km²`;
const SIDE = { japan: 'Japan', russia: 'Russia' } as const;

export function SeaPanel({ sea, optionId, optionName }: { sea: SeaState; optionId: string; optionName: string }) {
  const r = sea.current;
  const sq = sea.others['status-quo'];
  return (
    <section className="panel sea-panel" aria-labelledby="sea-title" data-testid="sea-panel">
      <h2 id="sea-title">The sea under this option</h2>
      <p className="fine" data-testid="sea-method">
        Computed by the <strong>equidistance method</strong>: each point of the sea goes to the side whose coast is nearer
        (geodesic distance on the WGS84 ellipsoid), out to 200 nautical miles (370.4 km); the territorial sea is the part within
        12 nm (22.224 km) of that side's coast. This is <strong>not an agreed boundary</strong>: UNCLOS arts. 74 and 83 leave
        delimitation to agreement, and courts start from such a line, then adjust it. Coasts are the low-water line of this
        map's outlines (normal baselines); <strong>straight baselines</strong> (such as those of the USSR's 1984 decree around
        Kunashiri, Shikotan and Iturup) are not used. Region: the sea within 200 nm of the four islands' coasts.
      </p>
      {sea.status === 'preparing' && <p className="hint" role="status">Preparing the sea (coasts, Voronoi cells, 200 nm limit): a few seconds, off the page's main thread…</p>}
      {sea.status === 'error' && <p className="problems" role="alert">The sea could not be computed: {sea.error}</p>}
      {r && (
        <>
          <dl className="figures" data-testid="sea-figures" aria-live="polite">
            <dt>Region (sea ≤ 200 nm)</dt><dd>{km2(r.regionM2)}</dd>
            <dt><span className="swatch japan" aria-hidden="true" />Japan's waters</dt>
            <dd data-testid="sea-japan">{km2(r.japanM2)} ({pct(r.japanShare)}); territorial sea {km2(r.territorialSea.japanM2)}</dd>
            <dt><span className="swatch russia" aria-hidden="true" />Russia's waters</dt>
            <dd data-testid="sea-russia">{km2(r.russiaM2)} ({pct(1 - r.japanShare)}); territorial sea {km2(r.territorialSea.russiaM2)}</dd>
            {sq && <><dt>vs status quo</dt><dd>Japan {signed(r.japanM2 - sq.japanM2)} · Russia {signed(r.russiaM2 - sq.russiaM2)}</dd></>}
            <dt>Boundary length</dt><dd>{Math.round(r.boundaryLengthKm).toLocaleString('en-US')} km</dd>
          </dl>
          {optionId === 'two-islands' && (
            <div className="notice" role="note" data-testid="sea-published">
              <strong>A published figure beside ours.</strong> "Habomai and Shikotan are about 7 % of the land of the four islands but,
              on the 200-nautical-mile fishing-zone map, about 40 % of the waters around them could become Japan's": from
              岩下明裕ほか『図説ユーラシアと日本の国境 ボーダー・ミュージアム』 (Iwashita Akihiro et al.), as summarised by{' '}
              <a href="http://cccpcamera.asablo.jp/blog/2018/11/19/9000346" target="_blank" rel="noopener noreferrer">a private blog (2018)</a>,
              which adds that it "depends on negotiation" (the book itself was not seen here). Ours for {optionName}:{' '}
              <strong>{pct(r.japanShare)}</strong> of the sea within 200 nm of the four islands. Definitions may differ: the book's
              "waters around the Northern Territories" need not be our region (which also holds sea off Hokkaido that is Japan's under
              every option; the status quo already gives Japan {sq ? pct(sq.japanShare) : '…'} of it), its fishing-zone lines follow the
              1977 agreements and may use straight baselines or other coasts, and its share may be of the change rather than the total.
            </div>
          )}
          <h3>Straits</h3>
          <ul className="sea-straits" data-testid="sea-straits">
            {r.straits.map((s) => {
              const info = STRAITS.straits.find((x) => x.id === s.id)!;
              return (
                <li key={s.id} data-strait={s.id}>
                  <strong>{info.name_en}</strong> <span className="fine">({info.name_ja} · {info.name_ru})</span>, {(s.widthM / 1000).toFixed(1)} km here:{' '}
                  {s.sides.length === 1 ? `${SIDE[s.sides[0]]} only (both shores)` : 'Japan and Russia (the boundary crosses it)'};{' '}
                  {s.closedByTerritorialSeas ? (s.sides.length === 1 ? `closed by ${SIDE[s.sides[0]]}'s territorial sea` : 'closed by the two territorial seas') : `a corridor of ${(s.corridorM / 1000).toFixed(1)} km beyond 12 nm`}.
                  <details>
                    <summary className="fine">Widths as printed</summary>
                    <ul className="fine">
                      {info.widths.map((w, k) => (
                        <li key={k}>{w.km} km, {w.what}: <a href={STRAITS.sources[w.source]?.url} target="_blank" rel="noopener noreferrer">{STRAITS.sources[w.source]?.title ?? w.source}</a></li>
                      ))}
                      {info.width_note && <li>{info.width_note}</li>}
                      {info.crossing_note && <li>{info.crossing_note}</li>}
                    </ul>
                  </details>
                </li>
              );
            })}
          </ul>
          <p className="fine">Width "here": the shortest crossing between the two coasts in this map's outlines (data/straits.json); the printed widths are each source's own.
            Strategic role as the sources put it: the Kunashiri Channel and the Vries Strait are "key passages" for the Russian Navy from the Sea of Okhotsk to the Pacific (ja.wikipedia).</p>
          {sea.computeMs !== null && <p className="fine">Recomputed in {sea.computeMs.toFixed(1)} ms{sea.prepareMs !== null && <> (prepared once in {(sea.prepareMs / 1000).toFixed(1)} s, in a Web Worker)</>}.</p>}
        </>
      )}
    </section>
  );
}
