import regionRows from './regions.json';

/**
 * GB/T 2260 administrative divisions, province → city → county (generated once from
 * @vant/area-data by scripts/gen-regions.mjs and committed, so nothing is fetched at run time).
 */
export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

const rows = regionRows as unknown as ReadonlyArray<readonly [string, string]>;
const names = new Map(rows.map(([code, name]) => [code, name]));

function levelOf(code: string): Region['level'] {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

function parentOf(code: string, level: Region['level']): string | null {
  if (level === 'province') return null;
  const province = `${code.slice(0, 2)}0000`;
  if (level === 'city') return province;
  const city = `${code.slice(0, 4)}00`;
  return names.has(city) ? city : province;
}

export const REGIONS: ReadonlyArray<Region> = rows.map(([code, name]) => {
  const level = levelOf(code);
  return { code, name, level, parentCode: parentOf(code, level) };
});

export function regionName(code: string): string | undefined {
  return names.get(code);
}

