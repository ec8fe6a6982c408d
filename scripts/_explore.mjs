import fs from 'fs';
import geod from 'geographiclib-geodesic';
const G = geod.Geodesic.WGS84;
function ringArea(r){const p=G.Polygon(false);for(let i=0;i<r.length-1;i++)p.AddPoint(r[i][1],r[i][0]);return Math.abs(p.Compute(false,true).area)/1e6}
const fc=JSON.parse(fs.readFileSync('.cache/source/package/map.geo.json','utf8'));
for (const f of fc.features){ if(!['RUS','JPN'].includes(f.properties.A3)) continue;
  const polys = f.geometry.type==='MultiPolygon'?f.geometry.coordinates:[f.geometry.coordinates];
  for (const [i,poly] of polys.entries()){ const r=poly[0]; let minx=1e9,maxx=-1e9,miny=1e9,maxy=-1e9;
    for(const [x,y] of r){minx=Math.min(minx,x);maxx=Math.max(maxx,x);miny=Math.min(miny,y);maxy=Math.max(maxy,y)}
    if (maxx<139||minx>157||maxy<40||miny>51) continue;
    const a=ringArea(r); const holes=poly.slice(1).map(ringArea);
    if (a<0.05 && !(minx>145 && maxx<149.5 && miny>43 && maxy<46)) continue;
    console.log(f.properties.A3, i, minx.toFixed(3),maxx.toFixed(3),miny.toFixed(3),maxy.toFixed(3),'area',a.toFixed(2),'n',r.length,'holes',holes.length, holes.reduce((s,x)=>s+x,0).toFixed(2));
  }}
