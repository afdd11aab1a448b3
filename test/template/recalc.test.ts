// The proof of issue 3: the workbook's plain formulas, recalculated by a real spreadsheet program
// (LibreOffice headless), agree with core's evaluateRaw on hundreds of answer sets — composite, suggested
// tier, counts per tier and stage, each tier's conditions, reference tier, what is missing for the next
// tier, and a check message wherever the core finds something wrong with an indicator or a scenario.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIELD,
  INDICATOR_IDS_LEVELLED,
  RULESET_2025,
  STAGE_KEYS,
  TIER_KEYS,
  TIER_LABELS,
  applyOverride,
  evaluateRaw,
  rawAnswersFromFields,
  type Evaluation,
  type Ruleset,
  type TierKey,
} from '../../core/index.ts';
import { TemplateFiller } from '../../pipeline/template/fill.ts';
import { generateTemplate } from '../../pipeline/template/generate.ts';
import { buildLayout, ENT_COL, IND_COL, RES_ROW, SC_COL, SHEET, colLetter, type CellRef } from '../../pipeline/template/layout.ts';
import { libreoffice } from '../support/tools.ts';
import { answerSets, type AnswerSet } from './support/answerSets.ts';
import { convertBatch, recalcProfile } from './support/soffice.ts';
import { RawWorkbook, type RawValue } from './support/xlsxRaw.ts';

const lo = libreoffice();
const SETS = answerSets(Number(process.env.SFE_RECALC_RANDOM ?? 130));
const BATCHES = 3;
const layout = buildLayout(RULESET_2025);
const named = (n: string): CellRef => {
  const c = layout.names[n];
  if (!c) throw new Error(`no cell for ${n}`);
  return c;
};
const res = (col: string, row: number): CellRef => ({ sheet: SHEET.results, address: `${col}${row}` });
const tierLabel = (t: TierKey | null): string => (t === null ? '未达到' : TIER_LABELS[t]);
const metText = (met: boolean | undefined): string => (met ? '满足' : '不满足');

interface Recalculated {
  readonly dir: string;
  readonly books: Map<number, RawWorkbook>;
}

/** Fills every set into `template`, has LibreOffice recalculate them in `batches` runs, reads them back. */
async function recalculate(template: Buffer, sets: readonly AnswerSet[], batches: number): Promise<Recalculated> {
  const dir = mkdtempSync(join(tmpdir(), 'sfe-recalc-'));
  const profile = recalcProfile(join(dir, 'profile'));
  const filler = await TemplateFiller.load(template);
  const size = Math.ceil(sets.length / batches);
  let converting: Promise<void> = Promise.resolve();
  const outs: string[] = [];
  for (let b = 0; b < batches; b++) {
    const inDir = join(dir, `in${b}`);
    const outDir = join(dir, `out${b}`);
    mkdirSync(inDir);
    mkdirSync(outDir);
    const files: string[] = [];
    for (let i = b * size; i < Math.min(sets.length, (b + 1) * size); i++) {
      const f = join(inDir, `${i}.xlsx`);
      writeFileSync(f, await filler.fill((sets[i] as AnswerSet).values));
      files.push(f);
    }
    // One soffice at a time (they share the profile); the next batch is filled meanwhile.
    await converting;
    converting = convertBatch(lo.path ?? 'soffice', profile, files, outDir);
    outs.push(outDir);
  }
  await converting;
  const books = new Map<number, RawWorkbook>();
  for (let i = 0; i < sets.length; i++) {
    books.set(i, await RawWorkbook.fromBuffer(readFileSync(join(outs[Math.floor(i / size)] ?? '', `${i}.xlsx`))));
  }
  return { dir, books };
}

function assertAgrees(wb: RawWorkbook, e: Evaluation, ruleset: Ruleset, values: ReadonlyMap<string, unknown>): void {
  const at = (c: CellRef): RawValue => wb.value(c.sheet, c.address);

  // Composite: the unrounded mean, or "" while incomplete.
  const comp = at(named(FIELD.composite));
  if (e.composite === null) expect(comp).toBe('');
  else {
    expect(typeof comp).toBe('number');
    expect(Math.abs((comp as number) - e.composite)).toBeLessThanOrEqual(1e-9);
  }
  expect(at(named(FIELD.suggestedTier))).toBe(tierLabel(e.suggestedTier));
  expect(at(named(FIELD.referenceTier))).toBe(tierLabel(e.referenceTier));

  TIER_KEYS.forEach((t, k) => {
    const row = RES_ROW.scFirst + k;
    expect(at(res('B', row)), `rated ${t}`).toBe(e.scenarioRated[t]);
    expect(at(res('C', row)), `count ${t}`).toBe(e.scenarioCounts[t]);
    STAGE_KEYS.forEach((s, j) => expect(at(res(colLetter(4 + j), row)), `${t} ${s}`).toBe(e.stageCoverage[t][s]));
    const tr = e.tiers.find((x) => x.tier === t);
    const cond = (key: string): boolean | undefined => tr?.conditions.find((c) => c.key === key)?.met;
    const crow = RES_ROW.condFirst + k;
    expect(at(res('B', crow)), `${t} declarations`).toBe(metText(cond('declarations')));
    expect(at(res('C', crow)), `${t} composite`).toBe(metText(cond('composite')));
    expect(at(res('D', crow)), `${t} scenarios`).toBe(metText(cond('scenarios')));
    expect(at(res('E', crow)), `${t} stages`).toBe(metText(cond('stages')));
    expect(at(res('F', crow)), `${t} maturity`).toBe(metText(cond('maturity')));
    const thr = cond('compositeThreshold') ? '满足' : ruleset.readings.compositeThresholdStrict ? '不满足' : '未达到（提示）';
    if (t !== 'basic') expect(at(res('G', crow)), `${t} threshold`).toBe(thr);
    expect(at(res('H', crow)), `${t} met`).toBe(metText(tr?.met));
  });

  const flagged = e.issues.filter((f) => /^SFE_S\d\d_TIER$/.test(f.where.field) && f.severity === 'error').length;
  expect(at(res('B', RES_ROW.flagged)), 'scenarios counted nowhere').toBe(flagged);

  // What is missing for the next tier: the core's own messages, in the core's order.
  expect(at(res('B', RES_ROW.nextTier))).toBe(e.nextTier === null ? `无（已达到${TIER_LABELS.leading}）` : TIER_LABELS[e.nextTier]);
  expect(at(res('B', RES_ROW.nextUnmet))).toBe(e.unmet.map((u) => u.message).join(''));
  const warning = e.issues.find((f) => f.code === 'tier/composite-below-threshold');
  expect(at(res('B', RES_ROW.warning))).toBe(warning?.message ?? '');

  // Check columns: a message exactly where the core has a finding on that indicator / scenario.
  for (const id of INDICATOR_IDS_LEVELLED) {
    const block = layout.indicatorBlocks.find((b) => b.id === id);
    const check = at({ sheet: SHEET.indicators, address: `${IND_COL.check}${block?.firstRow}` });
    const core = e.issues.filter((f) => f.where.field === FIELD.level(id) || f.where.field === FIELD.score(id));
    expect(typeof check === 'string' && check.length > 0, `indicator ${id} check「${String(check)}」vs ${core.map((f) => f.code).join(',')}`).toBe(core.length > 0);
  }
  // Enterprise checks that mirror core findings: the USCC's form and check character, county within city.
  const ent = (n: string): RawValue => at({ sheet: SHEET.enterprise, address: `${ENT_COL.check}${named(n).address.replace(/^[A-Z]+/, '')}` });
  const usccCore = e.issues.filter((f) => f.where.field === FIELD.uscc && (f.code === 'uscc/format' || f.code === 'uscc/check-char' || f.code === 'cell/required'));
  expect(ent(FIELD.uscc) !== '', `uscc check「${String(ent(FIELD.uscc))}」`).toBe(usccCore.length > 0);
  if (values.get(FIELD.city)) {
    const countyCore = e.issues.filter((f) => f.where.field === FIELD.county);
    expect(ent(FIELD.county) !== '', `county check「${String(ent(FIELD.county))}」`).toBe(countyCore.length > 0);
  }
  for (const s of layout.scenarioRows) {
    const check = at({ sheet: SHEET.scenarios, address: `${SC_COL.check}${s.row}` });
    const core = e.issues.filter((f) => f.where.field === FIELD.tier(s.id));
    expect(typeof check === 'string' && check.length > 0, `scenario ${s.id}`).toBe(core.length > 0);
  }
}

function evaluate(s: AnswerSet, ruleset: Ruleset = RULESET_2025): Evaluation {
  return evaluateRaw(rawAnswersFromFields((n) => s.values.get(n) ?? null), ruleset).evaluation;
}

describe.skipIf(!lo.available)('the workbook recalculated by LibreOffice agrees with the core', () => {
  let run: Recalculated | null = null;
  beforeAll(async () => {
    run = await recalculate(await generateTemplate(RULESET_2025), SETS, BATCHES);
  }, 900_000);
  afterAll(() => {
    if (run) rmSync(run.dir, { recursive: true, force: true });
  });

  it('covers the thresholds, N/A, wrong inputs and every reference tier', () => {
    const evals = SETS.map((s) => evaluate(s));
    expect(SETS.length).toBeGreaterThanOrEqual(200);
    for (const t of [null, ...TIER_KEYS]) expect(evals.some((e) => e.referenceTier === t), `reference ${t}`).toBe(true);
    for (const t of [null, ...TIER_KEYS]) expect(evals.some((e) => e.suggestedTier === t), `suggested ${t}`).toBe(true);
    expect(evals.some((e) => e.composite === null)).toBe(true);
    expect(evals.some((e) => e.compositeDetail.na.length > 0 && e.composite !== null)).toBe(true);
    for (const code of ['uscc/check-char', 'uscc/format', 'region/county-not-in-city', 'score/out-of-band', 'level/na-not-allowed', 'score/with-na', 'scenario/tier-without-description', 'score/missing', 'score/without-level']) {
      expect(evals.some((e) => e.issues.some((f) => f.code === code)), code).toBe(true);
    }
  });

  it.each(SETS.map((s, i) => ({ ...s, i })))('$label', ({ i, values }) => {
    const wb = run?.books.get(i);
    expect(wb, 'converted workbook').toBeDefined();
    if (wb) assertAgrees(wb, evaluate({ label: '', values }), RULESET_2025, values);
  });
});

// An agency's readings change the generated formulas: indicator 7 scored by a banding (R1), tiers counted
// exactly rather than cumulatively (R5 off), composite thresholds as blocking conditions (R8 strict).
const AGENCY = applyOverride(RULESET_2025, {
  label: 'test-agency',
  readings: {
    indicator7Banding: { basis: 'total', steps: [{ atLeast: 0, score: 30 }, { atLeast: 1000, score: 65 }, { atLeast: 3000, score: 88.5 }] },
    cumulativeTiers: false,
    compositeThresholdStrict: true,
  },
});
const AGENCY_SETS = SETS.filter((_, i) => i % 8 === 0);

describe.skipIf(!lo.available)('a workbook generated under an agency override agrees with the core under it', () => {
  let run: Recalculated | null = null;
  beforeAll(async () => {
    run = await recalculate(await generateTemplate(AGENCY), AGENCY_SETS, 1);
  }, 600_000);
  afterAll(() => {
    if (run) rmSync(run.dir, { recursive: true, force: true });
  });

  it('the override changes results for some sets', () => {
    const changed = AGENCY_SETS.filter((s) => JSON.stringify(evaluate(s, AGENCY).scenarioCounts) !== JSON.stringify(evaluate(s).scenarioCounts) || evaluate(s, AGENCY).composite !== evaluate(s).composite);
    expect(changed.length).toBeGreaterThan(AGENCY_SETS.length / 2);
  });

  it.each(AGENCY_SETS.map((s, i) => ({ ...s, i })))('$label', ({ i, values }) => {
    const wb = run?.books.get(i);
    expect(wb, 'converted workbook').toBeDefined();
    if (wb) assertAgrees(wb, evaluate({ label: '', values }, AGENCY), AGENCY, values);
  });
});
