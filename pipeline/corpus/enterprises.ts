// Fictitious enterprises spread over Jiangsu's 13 设区市, their counties and the manufacturing 大类, each
// with a valid 统一社会信用代码 registered in its county.
import { JIANGSU_CITIES, MANUFACTURING_DIVISIONS, USCC_ALPHABET, withCheckChar, type City, type County } from '../../core/index.ts';
import { CITY_AREA_CODES, CITY_WEIGHTS, DEFAULT_INDUSTRY_WEIGHT, INDUSTRY_WEIGHTS, SCALE_WEIGHTS } from './data/weights.ts';
import {
  COMPANY_FORMS,
  CONTACT_TITLES,
  INDUSTRY_WORDS,
  NAME_PREFIX,
  NAME_SUFFIX,
  SURNAMES,
  TRADE_SYLLABLES,
} from './data/names.ts';
import type { Random } from './random.ts';

export interface Enterprise {
  /** Position in the generated list (stable for a seed). */
  readonly index: number;
  readonly name: string;
  readonly uscc: string;
  /** 4-digit city code. */
  readonly city: string;
  /** 6-digit county code. */
  readonly county: string;
  /** 2-digit 大类. */
  readonly industry: string;
  readonly scale: string;
  readonly contact: string;
  readonly phone: string;
}

const cityWeights: readonly (readonly [City, number])[] = JIANGSU_CITIES.map((c) => [c, CITY_WEIGHTS[c.code] ?? 1]);
const industryWeights = MANUFACTURING_DIVISIONS.map((d) => [d.code, INDUSTRY_WEIGHTS[d.code] ?? DEFAULT_INDUSTRY_WEIGHT] as const);

/** 「苏州市」→「苏州」, 「昆山市」→「昆山」: the short place name used inside company names. */
export function shortPlaceName(name: string): string {
  return name.length > 2 ? name.replace(/(市|县|区)$/, '') : name;
}

function tradeName(rng: Random): string {
  const a = rng.pick(TRADE_SYLLABLES);
  let b = rng.pick(TRADE_SYLLABLES);
  while (b === a) b = rng.pick(TRADE_SYLLABLES);
  return a + b;
}

/** '91' (enterprise registered by market regulation) + county code + a 9-character organisation code. */
function usccFor(county: County, rng: Random): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += rng.pick(USCC_ALPHABET.split(''));
  return withCheckChar(`91${county.code}${org}`);
}

export function generateEnterprises(n: number, rng: Random): Enterprise[] {
  const names = new Set<string>();
  const codes = new Set<string>();
  const out: Enterprise[] = [];
  for (let index = 0; index < n; index++) {
    const city = rng.weighted(cityWeights);
    const county = rng.pick(city.counties);
    const industry = rng.weighted(industryWeights);
    // County towns register most firms under their own short name; districts often under the city's.
    const place = shortPlaceName(county.name.endsWith('区') || rng.chance(0.4) ? city.name : county.name);
    let name = '';
    for (let attempt = 0; name === '' || names.has(name); attempt++) {
      const word = rng.pick(INDUSTRY_WORDS[industry] ?? ['制造']);
      const extra = attempt > 5 ? rng.pick(TRADE_SYLLABLES) : '';
      name = `${NAME_PREFIX}${place}${tradeName(rng)}${extra}${word}${rng.weighted(COMPANY_FORMS)}${NAME_SUFFIX}`;
    }
    names.add(name);
    let uscc = usccFor(county, rng);
    while (codes.has(uscc)) uscc = usccFor(county, rng);
    codes.add(uscc);
    const area = CITY_AREA_CODES[city.code] ?? '025';
    out.push({
      index,
      name,
      uscc,
      city: city.code,
      county: county.code,
      industry,
      scale: rng.weighted(SCALE_WEIGHTS),
      contact: `${rng.pick(SURNAMES)}${rng.pick(CONTACT_TITLES)}`,
      // Every number sits in one fixed 5550 block so a reader sees at once that it is made up.
      phone: `${area}-5550${String(rng.int(0, 9999)).padStart(4, '0')}`,
    });
  }
  return out;
}
