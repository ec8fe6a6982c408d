/** Constants of the sea module, in a module of their own so the page's main bundle does not pull the preparation in. */
const NAUTICAL_MILE_M = 1852;
/** UNCLOS art. 3: 12 nautical miles. */
export const TERRITORIAL_SEA_M = 12 * NAUTICAL_MILE_M;
/** UNCLOS art. 57: 200 nautical miles. */
export const EEZ_M = 200 * NAUTICAL_MILE_M;
export const SEA_ISLANDS = ['habomai', 'shikotan', 'kunashiri', 'etorofu'] as const;
export type SeaIslandId = (typeof SEA_ISLANDS)[number];
/** Site groups: 0-3 the four islands (SEA_ISLANDS order), then Japan's fixed coasts, Russia's, the far sentinels. */
export const GROUP_JAPAN = 4;
export const GROUP_RUSSIA = 5;
export const GROUP_SENTINEL = 6;
