/**
 * Split any territory given as GeoJSON so that the side holding the anchor gets a share of its area.
 *   npm run --silent split -- FILE.geojson [--share F] [--bearing DEG|shortest] [--anchor LON,LAT] [--json]
 * The file is read with the page's validation and merging (same messages); its polygons are merged
 * into one territory. The anchor is the territory's vertex nearest LON,LAT (default Cape Nosappu);
 * the part holding it gets the share F of the area (default 0.5). --bearing is any number of degrees
 * (--bearing=-90 and --bearing -90 both work) or "shortest" (the shortest border inside the
 * territory); the default is chosen in scripts/lib/split-core.ts (DEFAULT_BEARING_RULE).
 * Bad input exits 2 with the problems on stderr, one per line.
 */
import { runSplit } from './lib/split-core.ts';

const r = runSplit(process.argv.slice(2));
if (r.stdout) process.stdout.write(r.stdout);
if (r.stderr) process.stderr.write(r.stderr);
process.exitCode = r.code;
