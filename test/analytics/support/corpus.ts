// A generated province with known distributions for the analytics tests: a few cities, counties and
// industries, levels and scores drawn per indicator, scenario ratings whose density depends on a per-enterprise
// "maturity" factor, some answers with errors, a few resubmissions and a roster that misses and adds some.
import {
  JIANGSU_CITIES, LEVEL_BANDS, SCENARIOS, TIER_KEYS, USCC_ALPHABET, withCheckChar, type RawAnswers, type TierKey,
} from '../../../core/index.ts';
import { createRandom } from '../../../pipeline/corpus/random.ts';

/** A seeded PRNG (the corpus generator's) so the corpus is a pure function of its seed. */
export const seeded = (seed: number): (() => number) => createRandom(seed).next;

export interface CorpusReturn {
  readonly raw: RawAnswers;
  readonly uscc: string;
  /** False for an earlier return superseded by a later one of the same enterprise. */
  readonly current: boolean;
}

export interface RosterEntry {
  readonly uscc: string;
  readonly name: string;
  readonly city: string;
  readonly county: string;
  readonly industry: string;
}

export interface Corpus {
  readonly returns: readonly CorpusReturn[];
  readonly roster: readonly RosterEntry[];
}

export const TEST_CITIES = ['3201', '3205', '3206', '3213'] as const;
export const TEST_INDUSTRIES = ['26', '34', '36', '38'] as const;
export const NASTY_NAMES = ['<script>alert(1)</script>', '=HYPERLINK("http://x","y")', '+86 公司', '@SUM(A1)有限公司', '-1 制造厂'];

const TIER_TEXT: Record<TierKey, string> = { basic: '基础级', advanced: '先进级', excellent: '卓越级', leading: '领航级' };
const MATURITY_TEXT = ['一级', '二级', '三级', '四级', '五级'];

export function generateCorpus(n: number, seed = 42): Corpus {
  const rnd = seeded(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const usccs = new Set<string>();

  const makeUscc = (county: string): string => {
    for (;;) {
      let org = '';
      for (let i = 0; i < 9; i++) org += pick(USCC_ALPHABET.split(''));
      const code = withCheckChar(`91${county}${org}`);
      if (!usccs.has(code)) {
        usccs.add(code);
        return code;
      }
    }
  };

  const answersFor = (name: string, uscc: string, city: string, county: string, industry: string, version: number, forceError = false): RawAnswers => {
    const cityRec = JIANGSU_CITIES.find((c) => c.code === city);
    const countyRec = cityRec?.counties.find((c) => c.code === county);
    const strength = 0.25 + 0.75 * rnd();
    const indicators: NonNullable<RawAnswers['indicators']> = [];
    for (const id of [1, 2, 3, 4, 5, 6, 8, 9, 10]) {
      if ([1, 5, 6].includes(id) && rnd() < 0.12) {
        indicators.push({ id, level: '不涉及此环节', score: null });
        continue;
      }
      const level = Math.max(1, Math.min(6, Math.round(1.8 + strength * 4.6 + (rnd() - 0.5) * 2)));
      const band = LEVEL_BANDS[level - 1]!.band;
      let score = level === 1 ? 0 : Math.round((band.min + 0.5 + rnd() * (band.max - band.min - 1)) * 10) / 10;
      // Out of band: an error, the composite cannot be computed.
      if (rnd() < 0.01 || (forceError && id === 2)) score = band.max + 5;
      indicators.push({ id, level, score });
    }
    indicators.push({ id: 7, investmentTotal: Math.round(rnd() * 5000), investment2024: Math.round(rnd() * 500) });
    const scenarios = SCENARIOS.map((s) => {
      if (rnd() > 0.15 + strength * 0.75) return { id: s.id, tier: null };
      const allowed = TIER_KEYS.filter((t) => s.tiers[t].has);
      const maxRank = Math.min(3, Math.floor(strength * 3.4 + rnd() * 0.9 - 0.4));
      const options = allowed.filter((t) => TIER_KEYS.indexOf(t) <= maxRank);
      // Now and then a tier the scenario has no description for (counts at no tier).
      const tier = rnd() < 0.03 ? TIER_KEYS.find((t) => !s.tiers[t].has) ?? pick(allowed) : options.length ? pick(options) : pick(allowed);
      return { id: s.id, tier: TIER_TEXT[tier] };
    });
    return {
      enterprise: {
        name, uscc,
        city: cityRec?.name ?? city,
        county: countyRec?.name ?? county,
        industry: industry,
        scale: '规模以上',
        maturity: MATURITY_TEXT[Math.min(4, Math.floor(strength * 5 + rnd() * 0.8))] ?? '一级',
        contact: '张三', phone: '025-12345678',
        fillDate: `2025-0${version}-15`,
        declarations: { scale: '是', compliance: rnd() < 0.08 ? '否' : '是', secure: '是', organization: '是' },
      },
      indicators,
      scenarios,
    };
  };

  const returns: CorpusReturn[] = [];
  const roster: RosterEntry[] = [];
  for (let i = 0; i < n; i++) {
    const city = pick(TEST_CITIES);
    const counties = JIANGSU_CITIES.find((c) => c.code === city)!.counties.slice(0, 3);
    const county = pick(counties).code;
    const industry = pick(TEST_INDUSTRIES);
    const uscc = makeUscc(county);
    const name = i < NASTY_NAMES.length ? NASTY_NAMES[i]! : `测试${city}${String(i).padStart(4, '0')}智能制造有限公司`;
    if (i % 25 === 7) returns.push({ raw: answersFor(name, uscc, city, county, industry, 3), uscc, current: false });
    returns.push({ raw: answersFor(name, uscc, city, county, industry, 6, i < NASTY_NAMES.length), uscc, current: true });
    // Every 16th return was not on the roster (unexpected).
    if (i % 16 !== 3) roster.push({ uscc, name, city, county, industry });
  }
  // Expected but never returned.
  for (let i = 0; i < Math.ceil(n / 12); i++) {
    const city = pick(TEST_CITIES);
    const county = pick(JIANGSU_CITIES.find((c) => c.code === city)!.counties.slice(0, 3)).code;
    roster.push({ uscc: makeUscc(county), name: `未报送企业${i}`, city, county, industry: pick(TEST_INDUSTRIES) });
  }
  return { returns, roster };
}
