/** The years the page's sliders run over. */

/** The first year of the military sites' data (the sites' year slider starts here). */
export const FIRST_YEAR = 1990;
/** The year of the visit: the sites' and the history's sliders end here. */
export const THIS_YEAR = new Date().getFullYear();
/** The history timeline starts with the Treaty of Shimoda (1855). */
export const HISTORY_FIRST_YEAR = 1855;
