import fs from 'fs';
import geod from 'geographiclib-geodesic';
const G = geod.Geodesic.WGS84;
function sArea(r){const p=G.Polygon(false);for(let i=0;i<r.length-1;i++)p.AddPoint(r[i][1],r[i][0]);return p.Compute(false,true).area/1e6}
const fc=JSON.parse(fs.readFileSync('.cache/source/package/map.geo.json','utf8'));
const rus=fc.features.find(f=>f.properties.A3==='RUS');
const ring=rus.geometry.coordinates[9277][0];
const idx=[]; ring.forEach((p,i)=>{ if(i<ring.length-1 && p[0]===147.7002&&p[1]===45.09679) idx.push(i)});
console.log(idx, ring.length);
const a=ring.slice(idx[0],idx[1]+1), b=[...ring.slice(idx[1],ring.length-1),...ring.slice(0,idx[0]+1)];
console.log('loopA n',a.length, sArea(a), 'loopB n', b.length, sArea(b), 'whole', sArea(ring));
console.log(JSON.stringify(a.length<50?a:b.slice(0,5)));
