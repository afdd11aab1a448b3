// The pane's logic against a mocked Excel (office-addin-mock): recognition of the workbook, one batched read,
// the numbers shown equal the core's, a click selects the right cell, the exported answers round-trip.
import { describe, expect, it } from 'vitest';
import {
  FIELD,
  INPUT_FIELDS,
  RESULT_FIELDS,
  RULESET_2025,
  RawAnswersSchema,
  TIER_KEYS,
  TIER_LABELS,
  evaluateRaw,
  rawAnswersFromFields,
} from '../../core/index.ts';
import { createExcelGateway } from '../../addin/taskpane/excelGateway.ts';
import { buildView, type Dashboard, type PaneView } from '../../addin/taskpane/model.ts';
import { emptyFields, filledFields } from './support/fixtures.ts';
import { mockWorkbook, type MockWorkbookOptions } from './support/mockWorkbook.ts';

const withResults = (m: Map<string, string | number | null>): Map<string, string | number | null> => {
  const out = new Map(m);
  for (const r of RESULT_FIELDS) out.set(r, '');
  return out;
};

async function viewOf(o: MockWorkbookOptions): Promise<{ view: PaneView; wb: ReturnType<typeof mockWorkbook> }> {
  const wb = mockWorkbook(o);
  const snapshot = await createExcelGateway(wb.run).readSnapshot();
  return { view: buildView(snapshot), wb };
}

function dashboard(v: PaneView): Dashboard {
  if (v.kind !== 'dashboard') throw new Error(`expected a dashboard, got ${v.kind}: ${'message' in v ? v.message : ''}`);
  return v.dashboard;
}

const coreOf = (m: Map<string, string | number | null>) => evaluateRaw(rawAnswersFromFields((n) => m.get(n) ?? null), RULESET_2025).evaluation;

describe('pane model on a filled workbook', () => {
  it('reads every input in one Excel.run and shows the core numbers', async () => {
    const fields = filledFields();
    const { view, wb } = await viewOf({ values: withResults(fields) });
    expect(wb.counts.runs).toBe(1);
    expect(wb.counts.syncs).toBe(2);
    const d = dashboard(view);
    const e = coreOf(fields);
    expect(d.composite.value).toBe(e.composite);
    expect(d.composite.display).toBe(e.composite?.toFixed(2));
    expect(d.composite.na).toEqual([5]);
    expect(d.referenceTier).toBe(e.referenceTier ? TIER_LABELS[e.referenceTier] : null);
    expect(d.suggestedTier).toBe(e.suggestedTier ? TIER_LABELS[e.suggestedTier] : null);
    expect(d.scenarios.map((s) => s.count)).toEqual(TIER_KEYS.map((t) => e.scenarioCounts[t]));
    expect(d.tiers.map((t) => t.met)).toEqual(e.tiers.map((t) => t.met));
    expect(d.nextTier?.unmet.map((u) => u.message)).toEqual(e.unmet.map((u) => u.message));
    expect(d.problems.map((p) => [p.code, p.message])).toEqual(e.issues.map((f) => [f.code, f.message]));
    expect(d.enterpriseName).toBe('苏州示例精密机械有限公司');
    // Independent of the core: 8 scored indicators (5 is N/A) summing to 598.
    expect(d.composite.value).toBe(598 / 8);
  });

  it('a click on a problem selects its cell', async () => {
    const fields = filledFields();
    const wb = mockWorkbook({ values: withResults(fields) });
    const gateway = createExcelGateway(wb.run);
    const d = dashboard(buildView(await gateway.readSnapshot()));
    const problem = d.problems.find((p) => p.code === 'scenario/tier-without-description');
    expect(problem?.field).toBe(FIELD.tier(1));
    expect(problem?.selectable).toBe(true);
    const address = await gateway.selectField(problem?.field ?? '');
    expect(address).toBe(wb.address(FIELD.tier(1)));
    expect(wb.selected()).toBe(wb.address(FIELD.tier(1)));
  });

  it('exports answers JSON that the core reads back to the same evaluation without new warnings', async () => {
    const { view } = await viewOf({ values: withResults(filledFields()) });
    const d = dashboard(view);
    const json = JSON.parse(JSON.stringify(d.answersJson)) as unknown;
    const back = evaluateRaw(RawAnswersSchema.parse(json), RULESET_2025).evaluation;
    expect(back.composite).toBe(d.composite.value);
    expect(back.referenceTier).toBe(d.evaluation.referenceTier);
    expect(back.issues.map((f) => f.code)).toEqual(d.evaluation.issues.map((f) => f.code));
  });

  it('registers for worksheet changes', async () => {
    const wb = mockWorkbook({ values: withResults(filledFields()) });
    let calls = 0;
    await createExcelGateway(wb.run).onWorksheetChanged(() => (calls += 1));
    expect(wb.changeHandlers).toHaveLength(1);
    await wb.changeHandlers[0]?.();
    expect(calls).toBe(1);
  });
});

describe('pane model on other workbooks', () => {
  it('an empty template gives a dashboard without a composite', async () => {
    const fields = emptyFields();
    const d = dashboard((await viewOf({ values: withResults(fields) })).view);
    expect(d.composite.value).toBeNull();
    expect(d.composite.display).toBe('—');
    expect(d.referenceTier).toBeNull();
    expect(d.problems.length).toBe(coreOf(fields).issues.length);
    expect(d.problemCounts.error).toBeGreaterThan(0);
  });

  it('a workbook without _meta is not the template', async () => {
    const { view } = await viewOf({ meta: null, values: new Map([['Other', 1]]) });
    expect(view.kind).toBe('not-template');
  });

  it('another template id is not the template', async () => {
    const { view } = await viewOf({ meta: [['template_id', 'something-else'], ['template_version', '2025.1']], values: withResults(filledFields()) });
    expect(view.kind).toBe('not-template');
  });

  it('an older template version gets a clear message; so does a newer one', async () => {
    const old = (await viewOf({ meta: [['template_id', 'sfe-jiangsu-smart-factory'], ['template_version', '2024.1']], values: withResults(filledFields()) })).view;
    expect(old.kind).toBe('unsupported-version');
    expect(old.kind === 'unsupported-version' && old.message).toContain('2024.1');
    expect(old.kind === 'unsupported-version' && old.title).toBe('模板版本较旧');
    const newer = (await viewOf({ meta: [['template_id', 'sfe-jiangsu-smart-factory'], ['template_version', '2025.10']], values: withResults(filledFields()) })).view;
    expect(newer.kind === 'unsupported-version' && newer.title).toBe('加载项版本较旧');
  });

  it('a template with missing defined names says which', async () => {
    const values = withResults(filledFields());
    values.delete(FIELD.score(3));
    const { view } = await viewOf({ values });
    expect(view.kind).toBe('damaged-template');
    expect(view.kind === 'damaged-template' && view.missing).toEqual([FIELD.score(3)]);
    expect(INPUT_FIELDS).toContain(FIELD.score(3));
  });
});

describe('pane model on the real template', () => {
  it('recognises the workbook the template builder writes: its _meta and every input name', async () => {
    const { buildTemplateWorkbook } = await import('../../pipeline/template/generate.ts');
    const wb = await buildTemplateWorkbook();
    const metaSheet = wb.getWorksheet('_meta');
    const meta = metaSheet ? Object.fromEntries([1, 2, 3].map((r) => [String(metaSheet.getCell(`A${r}`).value), String(metaSheet.getCell(`B${r}`).value)])) : null;
    const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    const defined = new Set(model.map((d) => d.name));
    for (const n of [...INPUT_FIELDS, ...RESULT_FIELDS]) expect(defined, n).toContain(n);
    // Fill the template's names with the fixture answers, as a person would.
    const fields = filledFields();
    const values = new Map<string, string | number | null>([...defined].map((n) => [n, fields.get(n) ?? '']));
    const { view } = await viewOf({ meta: meta ? Object.entries(meta) : null, values });
    const d = dashboard(view);
    expect(d.composite.value).toBe(coreOf(fields).composite);
    expect(d.templateVersion).toBe('2025.1');
  });
});
