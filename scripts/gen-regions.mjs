// Regenerates domain/src/codes/regions.json from @vant/area-data (MIT). Run once by hand:
//   npm i --no-save @vant/area-data && node scripts/gen-regions.mjs
import fs from 'node:fs';
import { areaList } from '@vant/area-data';

const out = [
  ...Object.entries(areaList.province_list),
  ...Object.entries(areaList.city_list),
  ...Object.entries(areaList.county_list),
].sort((a, b) => a[0].localeCompare(b[0]));
fs.writeFileSync(new URL('../domain/src/codes/regions.json', import.meta.url), JSON.stringify(out));
console.log(`${out.length} regions written`);
