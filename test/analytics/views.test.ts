// The analytics views against expectations computed from the core's evaluations of a generated corpus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, STAGE_KEYS, TIER_KEYS } from '../../core/index.ts';
import { readRows, type PlainRow } from '../../pipeline/analytics/readRows.ts';
import { ANALYTICS_VIEWS } from '../../pipeline/analytics/views.ts';
import type { Db } from '../../pipeline/store/openDb.ts';
import { countedTiers, groupBy, groupExpect, mean, percentile, scenariosToNextTier, type GroupExpect } from './expected.ts';
import { generateCorpus, type Corpus } from './support/corpus.ts';
import { buildFixtureDb, type StoredReturn } from './support/storeFixture.ts';

let db: Db;
let corpus: Corpus;
let current: StoredReturn[];

beforeAll(async () => {
  corpus = generateCorpus(260, 7);
  const built = await buildFixtureDb(corpus);
  db = built.db;
  current = built.stored.filter((s) => s.current);
});
afterAll(() => db?.close());

const rows = (sql: string, params: (string | number | null)[] = []): Promise<PlainRow[]> => readRows(db.conn, sql, params);

function expectGroup(row: PlainRow | undefined, e: GroupExpect, label: string): void {
  expect(row, label).toBeDefined();
  const r = row as PlainRow;
  expect(r.returns, label).toBe(e.returns);
  expect(r.scored, label).toBe(e.scored);
  for (const [col, v] of [['composite_mean', e.mean], ['composite_median', e.median], ['composite_q1', e.q1], ['composite_q3', e.q3]] as const) {
    if (v === null) expect(r[col], `${label} ${col}`).toBeNull();
    else expect(r[col] as number, `${label} ${col}`).toBeCloseTo(v, 9);
  }
  for (const t of ['none', ...TIER_KEYS] as const) {
    expect(r[`ref_${t}`], `${label} ref_${t}`).toBe(e.ref[t]);
    expect(r[`sug_${t}`], `${label} sug_${t}`).toBe(e.sug[t]);
  }
  expect(r.ref_basic_plus, `${label} basic+`).toBe(e.basicPlus);
  expect(r.ref_advanced_plus, `${label} advanced+`).toBe(e.advancedPlus);
  expect(r.share_basic_plus as number).toBeCloseTo(e.basicPlus / e.returns, 12);
  expect(r.upgrade_1_3, `${label} upgrade 1–3`).toBe(e.upgrade13);
}

describe('analytics views on a generated province', () => {
  it('the corpus is varied enough to test something', () => {
    expect(current.length).toBe(260);
    const refs = new Set(current.map((c) => c.evaluation.referenceTier));
    expect(refs.size).toBeGreaterThanOrEqual(3);
    expect(current.some((c) => c.evaluation.composite === null)).toBe(true);
    expect(current.some((c) => scenariosToNextTier(c) !== null)).toBe(true);
  });

  it('every view is created and answers', async () => {
    for (const v of ANALYTICS_VIEWS) await expect(rows(`SELECT count(*) AS n FROM ${v.name}`)).resolves.toBeDefined();
  });

  it('region_stats: province, cities, counties, industries, city × industry (superseded returns excluded)', async () => {
    expectGroup((await rows(`SELECT * FROM region_stats WHERE grain = 'province'`))[0], groupExpect(current), 'province');
    for (const [city, rs] of groupBy(current, (c) => c.answers.enterprise.city ?? '')) {
      expectGroup((await rows('SELECT * FROM stats_by_city WHERE city_code = ?', [city]))[0], groupExpect(rs), `city ${city}`);
    }
    for (const [county, rs] of groupBy(current, (c) => c.answers.enterprise.county ?? '')) {
      expectGroup((await rows('SELECT * FROM stats_by_county WHERE county_code = ?', [county]))[0], groupExpect(rs), `county ${county}`);
    }
    for (const [ind, rs] of groupBy(current, (c) => c.answers.enterprise.industry ?? '')) {
      expectGroup((await rows('SELECT * FROM stats_by_industry WHERE industry_code = ?', [ind]))[0], groupExpect(rs), `industry ${ind}`);
    }
    const ci = groupBy(current, (c) => `${c.answers.enterprise.city}|${c.answers.enterprise.industry}`);
    expect((await rows('SELECT * FROM stats_by_city_industry')).length).toBe(ci.size);
    for (const [k, rs] of ci) {
      const [city, ind] = k.split('|');
      expectGroup((await rows('SELECT * FROM stats_by_city_industry WHERE city_code = ? AND industry_code = ?', [city ?? '', ind ?? '']))[0], groupExpect(rs), `city×industry ${k}`);
    }
  });

  it('indicator_profile: level distribution, N/A share and mean score, province and per city', async () => {
    const scopes: [string, string | null, StoredReturn[]][] = [['province', null, current], ...[...groupBy(current, (c) => c.answers.enterprise.city ?? '')].map(([city, rs]): [string, string | null, StoredReturn[]] => ['city', city, rs])];
    for (const [grain, city, rs] of scopes) {
      const got = await rows('SELECT * FROM indicator_profile WHERE grain = ? AND city_code IS NOT DISTINCT FROM ? ORDER BY indicator_id', [grain, city]);
      expect(got.map((g) => g.indicator_id)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
      for (const g of got) {
        const id = g.indicator_id as number;
        const answers = rs.map((r) => r.answers.indicators.find((a) => a.id === id) as { level: number | 'NA' | null; score: number | null });
        const results = rs.map((r) => r.evaluation.indicators.find((x) => x.id === id));
        const na = answers.filter((a) => a.level === 'NA').length;
        const answered = answers.filter((a) => a.level !== null).length;
        expect(g.na, `${grain} ${city} I${id} na`).toBe(na);
        expect(g.answered).toBe(answered);
        expect(g.na_share as number).toBeCloseTo(na / answered, 12);
        for (let l = 1; l <= 6; l++) expect(g[`level_${l}`], `I${id} level ${l}`).toBe(answers.filter((a) => a.level === l).length);
        const validScores = results.filter((x) => x?.valid && x.level !== 'NA' && x.score !== null).map((x) => x?.score as number);
        expect(g.scored).toBe(validScores.length);
        expect(g.score_mean as number).toBeCloseTo(mean(validScores) as number, 9);
      }
    }
  });

  it('scenario_adoption: rated exactly at each tier per scenario (a tier without description counts at none)', async () => {
    const got = await rows(`SELECT * FROM scenario_adoption WHERE grain = 'province' ORDER BY scenario_id`);
    expect(got).toHaveLength(40);
    const tiers = current.map(countedTiers);
    for (const g of got) {
      const i = (g.scenario_id as number) - 1;
      for (const t of TIER_KEYS) {
        const n = tiers.filter((ts) => ts[i] === t).length;
        expect(g[`rated_${t}`], `S${i + 1} ${t}`).toBe(n);
        expect(g[`share_${t}`] as number).toBeCloseTo(n / current.length, 12);
      }
      expect(g.rated_any).toBe(tiers.filter((ts) => ts[i] !== null).length);
    }
    // Per city × industry the returns add up to the province's.
    const sums = await rows(`SELECT scenario_id, sum(returns) AS n FROM scenario_adoption WHERE grain = 'city_industry' GROUP BY scenario_id`);
    for (const s of sums) expect(s.n).toBe(current.length);
  });

  it('stage_adoption: enterprises with a scenario of the stage at the tier or above', async () => {
    const got = await rows(`SELECT * FROM stage_adoption WHERE grain = 'province'`);
    expect(got).toHaveLength(STAGE_KEYS.length * TIER_KEYS.length);
    for (const g of got) {
      const n = current.filter((c) => c.evaluation.stageCoverage[g.tier as 'basic'][g.stage as 'factory'] > 0).length;
      expect(g.covering, `${g.stage} ${g.tier}`).toBe(n);
      expect(g.share as number).toBeCloseTo(n / current.length, 12);
    }
  });

  it('area_adoption: enterprises with a scenario of the D4 area at the tier or above', async () => {
    const tiers = current.map(countedTiers);
    const got = await rows(`SELECT * FROM area_adoption WHERE grain = 'province'`);
    const areas = [...new Set(SCENARIOS.map((x) => x.area))];
    expect(got).toHaveLength(areas.length * TIER_KEYS.length);
    for (const g of got) {
      const ids = SCENARIOS.filter((x) => x.area === g.area).map((x) => x.id);
      const rank = TIER_KEYS.indexOf(g.tier as 'basic');
      const n = tiers.filter((ts) => ids.some((id) => { const t = ts[id - 1]; return t != null && TIER_KEYS.indexOf(t) >= rank; })).length;
      expect(g.covering, `${g.area} ${g.tier}`).toBe(n);
    }
  });

  it('unmet_summary: the most common unmet conditions of each next tier', async () => {
    const expected = new Map<string, number>();
    const candidates = new Map<string, number>();
    for (const c of current) {
      const ev = c.evaluation;
      if (!ev.nextTier) continue;
      candidates.set(ev.nextTier, (candidates.get(ev.nextTier) ?? 0) + 1);
      const conds = new Set<string>();
      for (const u of ev.unmet) {
        if (u.code === 'unmet/stages') for (const s of u.params.stageKeys as string[]) conds.add(`unmet/stages:${s}`);
        else if (u.code === 'unmet/declaration') conds.add(`unmet/declaration:${String(u.params.declaration)}`);
        else conds.add(u.code);
      }
      for (const k of conds) expected.set(`${ev.nextTier}|${k}`, (expected.get(`${ev.nextTier}|${k}`) ?? 0) + 1);
    }
    const got = await rows(`SELECT * FROM unmet_summary WHERE grain = 'province'`);
    expect(new Map(got.map((g) => [`${g.next_tier}|${g.condition}`, g.enterprises]))).toEqual(expected);
    for (const g of got) {
      expect(g.candidates).toBe(candidates.get(g.next_tier as string));
      expect(g.share as number).toBeCloseTo((g.enterprises as number) / (g.candidates as number), 12);
    }
  });

  it('upgrade_gap: 差 1–3 个场景即可升级, per next tier and per city', async () => {
    const check = async (grain: string, city: string | null, rs: StoredReturn[]): Promise<void> => {
      const got = await rows('SELECT * FROM upgrade_gap WHERE grain = ? AND city_code IS NOT DISTINCT FROM ?', [grain, city]);
      for (const [tier, group] of groupBy(rs.filter((r) => r.evaluation.nextTier !== null), (r) => r.evaluation.nextTier as string)) {
        const g = got.find((x) => x.next_tier === tier);
        const gaps = group.map(scenariosToNextTier);
        expect(g?.candidates, `${grain} ${city} ${tier}`).toBe(group.length);
        for (const n of [1, 2, 3]) expect(g?.[`gap_${n}`], `${grain} ${city} ${tier} gap ${n}`).toBe(gaps.filter((x) => x === n).length);
        expect(g?.gap_1_3).toBe(gaps.filter((x) => x !== null && x >= 1 && x <= 3).length);
      }
    };
    await check('province', null, current);
    for (const [city, rs] of groupBy(current, (c) => c.answers.enterprise.city ?? '')) await check('city', city, rs);
    const total = (await rows(`SELECT sum(gap_1_3) AS n FROM upgrade_gap WHERE grain = 'province'`))[0]?.n;
    expect(total).toBeGreaterThan(0);
  });

  it('enterprise_position: percentiles within city and industry; nothing for superseded returns', async () => {
    const got = await rows('SELECT * FROM enterprise_position');
    expect(got).toHaveLength(current.length);
    const scored = current.filter((c) => c.evaluation.composite !== null);
    for (const c of current) {
      const g = got.find((x) => x.submission_id === c.submissionId);
      const v = c.evaluation.composite;
      expect(g?.scenarios_to_next_tier ?? null).toBe(scenariosToNextTier(c));
      if (v === null) {
        expect(g?.city_percentile).toBeNull();
        continue;
      }
      const cityPeers = scored.filter((p) => p.answers.enterprise.city === c.answers.enterprise.city).map((p) => p.evaluation.composite as number);
      const indPeers = scored.filter((p) => p.answers.enterprise.industry === c.answers.enterprise.industry).map((p) => p.evaluation.composite as number);
      expect(g?.city_peers).toBe(cityPeers.length);
      expect(g?.industry_peers).toBe(indPeers.length);
      expect(g?.city_percentile as number).toBeCloseTo(percentile(v, cityPeers), 9);
      expect(g?.industry_percentile as number).toBeCloseTo(percentile(v, indPeers), 9);
    }
  });

  it('roster_coverage_by_area: returned, missing and unexpected per city and county', async () => {
    const currentUsccs = new Set(current.map((c) => c.answers.enterprise.uscc));
    const rosterUsccs = new Set(corpus.roster.map((r) => r.uscc));
    const byCounty = new Map<string, { expected: number; returned: number; missing: number; unexpected: number }>();
    const bump = (county: string, k: 'expected' | 'returned' | 'missing' | 'unexpected'): void => {
      const e = byCounty.get(county) ?? { expected: 0, returned: 0, missing: 0, unexpected: 0 };
      e[k] += 1;
      byCounty.set(county, e);
    };
    for (const r of corpus.roster) {
      bump(r.county, 'expected');
      bump(r.county, currentUsccs.has(r.uscc) ? 'returned' : 'missing');
    }
    for (const c of current) if (!rosterUsccs.has(c.answers.enterprise.uscc ?? '')) bump(c.answers.enterprise.county ?? '', 'unexpected');
    const got = await rows(`SELECT * FROM roster_coverage_by_area WHERE grain = 'county'`);
    expect(got).toHaveLength(byCounty.size);
    for (const g of got) {
      const e = byCounty.get(g.county_code as string);
      expect({ expected: g.expected, returned: g.returned, missing: g.missing, unexpected: g.unexpected }).toEqual(e);
    }
    const prov = (await rows(`SELECT * FROM roster_coverage_by_area WHERE grain = 'province'`))[0];
    const missing = corpus.roster.filter((r) => !currentUsccs.has(r.uscc)).length;
    expect(prov?.missing).toBe(missing);
    expect(prov?.missing).toBeGreaterThan(0);
    expect(prov?.unexpected).toBeGreaterThan(0);
    expect(prov?.coverage as number).toBeCloseTo((corpus.roster.length - missing) / corpus.roster.length, 12);
  });

  it('data_quality: findings of current returns by code and city', async () => {
    const expected = new Map<string, number>();
    for (const c of current) for (const f of c.evaluation.issues) expected.set(`${c.answers.enterprise.city}|${f.code}|${f.severity}`, (expected.get(`${c.answers.enterprise.city}|${f.code}|${f.severity}`) ?? 0) + 1);
    const got = await rows(`SELECT * FROM data_quality WHERE grain = 'city'`);
    expect(new Map(got.map((g) => [`${g.city_code}|${g.code}|${g.severity}`, g.findings]))).toEqual(expected);
    expect([...expected.keys()].some((k) => k.includes('score/out-of-band'))).toBe(true);
  });
});
