import fs from 'fs';
import kinks from '@turf/kinks';
const fc=JSON.parse(fs.readFileSync('.cache/source/package/map.geo.json','utf8'));
const rus=fc.features.find(f=>f.properties.A3==='RUS'), jpn=fc.features.find(f=>f.properties.A3==='JPN');
for (const [f,ids] of [[rus,[9277,9281,9282,9280,9283,9284,9278,9288,9289,9285,9286,9287,9279,9272,8966]],[jpn,[709]]]) for (const i of ids){
  const ring=f.geometry.coordinates[i][0];
  const k=kinks({type:'Polygon',coordinates:[ring]});
  // signed area (shoelace) for orientation
  let s=0; for(let j=0;j<ring.length-1;j++) s+=ring[j][0]*ring[j+1][1]-ring[j+1][0]*ring[j][1];
  const dup=new Set(); let d=0; for (const p of ring.slice(0,-1)){const key=p.join(); if(dup.has(key)) d++; dup.add(key)}
  console.log(i, 'kinks', k.features.length, JSON.stringify(k.features.map(x=>x.geometry.coordinates)).slice(0,200), 'orient', s>0?'CCW':'CW', 'dupverts', d);
}
