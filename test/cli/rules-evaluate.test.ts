// `sfe rules` and `sfe evaluate` as a contract, run as child processes exactly as a user or another system would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CONDITIONS, TIERS, rankOf, stageOf, type Tier } from '../core/support/build.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/answers');
const tmp = mkdtempSync(join(tmpdir(), 'sfe-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sfe(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/sfe.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function json(args: string[]): Record<string, unknown> {
  const r = sfe(...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}
const writeTmp = (name: string, content: unknown): string => {
  const p = join(tmp, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

interface FixtureIndicator {
  id: number;
  level?: number | string | null;
  score?: number | null;
  investmentTotal?: number;
}
interface Fixture {
  enterprise: { maturity: number };
  indicators: FixtureIndicator[];
  scenarios: { id: number; tier: string | null }[];
}
const TIER_NAMES: Readonly<Record<string, Tier>> = {
  基础级: 'basic', 先进级: 'advanced', 卓越级: 'excellent', 领航级: 'leading',
  basic: 'basic', advanced: 'advanced', excellent: 'excellent', leading: 'leading',
};

describe('sfe rules --json', () => {
  it('prints the whole ruleset with the Readings documented', () => {
    const r = json(['rules', '--json']);
    expect(Object.keys(r).sort()).toEqual(['bands', 'basicRequirements', 'edition', 'indicators', 'missingText', 'readings', 'scenarios', 'tiers', 'version'].sort());
    expect(r.edition).toBe(2025);
    const indicators = r.indicators as { id: number; levels?: unknown[] }[];
    expect(indicators.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(indicators.filter((i) => i.levels?.length === 6)).toHaveLength(9);
    const scenarios = r.scenarios as { id: number; tiers: Record<Tier, { has: boolean }> }[];
    expect(scenarios).toHaveLength(40);
    expect(scenarios.find((s) => s.id === 28)?.tiers.basic.has).toBe(false);
    expect(r.bands).toHaveLength(6);
    expect((r.tiers as { minScenarios: number }[]).map((t) => t.minScenarios)).toEqual(TIERS.map((t) => CONDITIONS[t].min));
    const readings = r.readings as { source: string; values: Record<string, unknown>; docs: { id: string; zh: string; en: string }[] };
    expect(readings.source).toBe('default');
    expect(readings.docs.map((d) => d.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8']);
    for (const d of readings.docs) expect(d.zh.length * d.en.length).toBeGreaterThan(0);
    expect(readings.values).toMatchObject({ indicator7Banding: null, cumulativeTiers: true, compositeThresholdStrict: false });
  });

  it('--rules FILE applies an agency override', () => {
    const file = writeTmp('strict.json', { label: '某市工信局', readings: { compositeThresholdStrict: true, stageOfScenario: { '34': 'operations' } } });
    const r = json(['rules', '--json', '--rules', file]);
    const readings = r.readings as { source: string; values: { compositeThresholdStrict: boolean; stageOfScenario: Record<string, string> } };
    expect(readings.source).toBe('某市工信局');
    expect(readings.values.compositeThresholdStrict).toBe(true);
    expect(readings.values.stageOfScenario['34']).toBe('operations');
    expect(readings.values.stageOfScenario['9']).toBe('production');
  });

  it('an invalid override file stops with exit code 2 and a Chinese message', () => {
    const file = writeTmp('invalid.json', { readings: { scorePrecisionDigits: 'six' } });
    const r = sfe('--rules', file, 'rules', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[rules/invalid-override]');
    expect(r.stderr).toMatch(/规则文件/);
  });
});

describe('sfe evaluate FILE --json', () => {
  const file = join(FIXTURES, 'excellent.json');
  const fixture = JSON.parse(readFileSync(file, 'utf8')) as Fixture;
  const scored = fixture.indicators.filter((i) => i.id !== 7 && i.level !== 'NA').map((i) => i.score ?? NaN);
  const hundredths = scored.reduce((a, x) => a + Math.round(x * 100), 0);
  const rated = fixture.scenarios.filter((s) => s.tier !== null).map((s) => [s.id, TIER_NAMES[s.tier ?? ''] ?? 'basic'] as const);
  const countAt = (t: Tier): number => rated.filter(([, v]) => rankOf(v) >= rankOf(t)).length;

  it('evaluates a valid answers file as an independent computation does', () => {
    const out = json(['evaluate', file, '--json']) as { answers: unknown; evaluation: Record<string, unknown> };
    const e = out.evaluation;
    expect(e.issues).toEqual([]);
    expect(e.composite).toBeCloseTo(hundredths / 100 / scored.length, 10);
    const suggested = [...TIERS].reverse().find((t) => hundredths > CONDITIONS[t].threshold * 100 * scored.length) ?? null;
    expect(e.suggestedTier).toBe(suggested);
    expect(e.scenarioCounts).toEqual(Object.fromEntries(TIERS.map((t) => [t, countAt(t)])));
    expect(e.referenceTier).toBe('excellent');
    expect(e.nextTier).toBe('leading');
    const unmet = e.unmet as { code: string; blocking: boolean; params: Record<string, unknown>; message: string }[];
    const leadingStages = new Set(rated.filter(([, v]) => v === 'leading').map(([id]) => stageOf(id)));
    expect(unmet.map((u) => [u.code, u.blocking])).toEqual([
      ['unmet/scenarios', true],
      ['unmet/stages', true],
      ['unmet/maturity', true],
      ['unmet/composite-threshold', false],
    ]);
    expect(unmet[0]?.params).toMatchObject({ count: countAt('leading'), required: 25, missing: 25 - countAt('leading') });
    expect(unmet[1]?.params.stageKeys).toEqual(CONDITIONS.leading.stages.filter((s) => !leadingStages.has(s)));
    expect(unmet[2]?.params).toMatchObject({ required: 4, current: fixture.enterprise.maturity });
    for (const u of unmet) expect(u.message).toMatch(/[\u4e00-\u9fff]/);
    expect(out.answers).toMatchObject({ enterprise: { city: '3205', county: '320583', industry: '34' } });
  });

  it('with an indicator 7 banding from --rules, indicator 7 counts in the composite', () => {
    const rules = writeTmp('banding.json', { readings: { indicator7Banding: { basis: 'total', steps: [{ atLeast: 1000, score: 40 }, { atLeast: 3000, score: 75 }] } } });
    const total = fixture.indicators.find((i) => i.id === 7)?.investmentTotal ?? NaN;
    const i7 = total >= 3000 ? 75 : total >= 1000 ? 40 : 0;
    const e = (json(['--rules', rules, 'evaluate', file, '--json']) as { evaluation: Record<string, unknown> }).evaluation;
    expect(e.indicator7Score).toBe(i7);
    expect(e.composite).toBeCloseTo((hundredths / 100 + i7) / (scored.length + 1), 10);
  });

  it('prints a Chinese summary without --json', () => {
    const r = sfe('evaluate', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('参考等级：卓越级');
  });

  it.each([
    ['bad JSON', 'bad-json.json', 'input/bad-json'],
    ['a wrong shape', 'wrong-shape.json', 'input/bad-shape'],
    ['a missing file', 'no-such-file.json', 'input/unreadable-file'],
  ])('%s stops with exit code 2 and a Chinese message on stderr', (_what, name, code) => {
    const r = sfe('evaluate', join(FIXTURES, name), '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stderr).toMatch(/^错误 .*[\u4e00-\u9fff]/);
  });
});
