// sfe feedback: each enterprise's page agrees with the core's evaluation of its answers, shows its position
// as percentiles computed independently here, escapes its name and never names another enterprise.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { chromium as playwright } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIER_LABELS } from '../../core/index.ts';
import { feedbackTargets, loadFeedbackBatch, type Feedback } from '../../pipeline/feedback/loadFeedback.ts';
import { safeFileName, writeFeedback } from '../../pipeline/feedback/writeFeedback.ts';
import { html } from '../../pipeline/report/escape.ts';
import type { Db } from '../../pipeline/store/openDb.ts';
import { percentile } from '../analytics/expected.ts';
import { generateCorpus, NASTY_NAMES } from '../analytics/support/corpus.ts';
import { buildFixtureDb, type StoredReturn } from '../analytics/support/storeFixture.ts';
import { CHROMIUM_ARGS, chromium } from '../support/tools.ts';

let db: Db;
let current: StoredReturn[];
let out: string;
let files: string[];
let feedback: Map<number, Feedback>;

beforeAll(async () => {
  const built = await buildFixtureDb(generateCorpus(120, 5));
  db = built.db;
  current = built.stored.filter((s) => s.current);
  out = mkdtempSync(join(tmpdir(), 'sfe-feedback-'));
  files = await writeFeedback(db.conn, out, null);
  const targets = await feedbackTargets(db.conn, null);
  feedback = new Map((await loadFeedbackBatch(db.conn, targets.map((t) => t.submissionId))).map((f) => [f.submissionId, f]));
});
afterAll(() => db?.close());

const CONDITION_ORDER = ['declarations', 'composite', 'scenarios', 'stages', 'maturity', 'compositeThreshold'];

describe('sfe feedback', () => {
  it('writes one page per current return', () => {
    expect(files).toHaveLength(current.length);
    expect(readdirSync(out)).toHaveLength(current.length);
  });

  it('each page agrees with the core: composite, tiers, next-tier conditions met or not, unmet distances', () => {
    for (const c of current) {
      const f = feedback.get(c.submissionId) as Feedback;
      const ev = c.evaluation;
      expect(f.composite).toBe(ev.composite);
      expect(f.referenceTier).toBe(ev.referenceTier);
      expect(f.nextTier).toBe(ev.nextTier);
      if (ev.nextTier) {
        const tier = ev.tiers.find((t) => t.tier === ev.nextTier);
        const met = [...(tier?.conditions ?? [])].sort((a, b) => CONDITION_ORDER.indexOf(a.key) - CONDITION_ORDER.indexOf(b.key)).map((x) => x.met);
        expect(f.conditions.map((x) => x.met), c.answers.enterprise.uscc ?? '').toEqual(met);
        const page = readFileSync(files.find((p) => p.includes(c.answers.enterprise.uscc ?? '?')) as string, 'utf8');
        for (const u of ev.unmet) expect(page).toContain(html(u.message));
        expect(page).toContain(`距${TIER_LABELS[ev.nextTier]}的条件`);
      }
      for (const issue of ev.issues) expect(f.findings.map((x) => x.code)).toContain(issue.code);
    }
  });

  it('positions among peers are percentiles of the city and industry, computed independently', () => {
    const scored = current.filter((c) => c.evaluation.composite !== null);
    for (const c of scored) {
      const f = feedback.get(c.submissionId) as Feedback;
      const v = c.evaluation.composite as number;
      const city = scored.filter((p) => p.answers.enterprise.city === c.answers.enterprise.city).map((p) => p.evaluation.composite as number);
      const ind = scored.filter((p) => p.answers.enterprise.industry === c.answers.enterprise.industry).map((p) => p.evaluation.composite as number);
      expect(f.peers[0]?.peers).toBe(city.length);
      expect(f.peers[0]?.percentile as number).toBeCloseTo(percentile(v, city), 9);
      expect(f.peers[1]?.peers).toBe(ind.length);
      expect(f.peers[1]?.percentile as number).toBeCloseTo(percentile(v, ind), 9);
    }
  });

  it('never names another enterprise, escapes its own name and carries no script', () => {
    const names = current.map((c) => c.answers.enterprise.name ?? '');
    for (const c of current.slice(0, 40)) {
      const page = readFileSync(files.find((p) => p.includes(c.answers.enterprise.uscc ?? '?')) as string, 'utf8');
      for (const other of names) if (other !== c.answers.enterprise.name) expect(page).not.toContain(html(other));
      expect(page).not.toMatch(/<script/i);
    }
    const nasty = current.find((c) => c.answers.enterprise.name === NASTY_NAMES[0]);
    const page = readFileSync(files.find((p) => p.includes(nasty?.answers.enterprise.uscc ?? '?')) as string, 'utf8');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('--format xlsx writes the same content as a workbook, numbers as numbers', async () => {
    const c = current.find((x) => x.evaluation.composite !== null && x.evaluation.nextTier !== null) as StoredReturn;
    const [file] = await writeFeedback(db.conn, join(out, 'xlsx'), c.answers.enterprise.uscc, new Date(), 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file as string);
    const summary = wb.getWorksheet('概况');
    const labels = summary?.getColumn(1).values ?? [];
    const value = (label: string): unknown => {
      expect(labels).toContain(label);
      return summary?.getRow(labels.indexOf(label)).getCell(2).value;
    };
    expect(value('综合得分')).toBe(c.evaluation.composite);
    expect(value('企业名称')).toBe(c.answers.enterprise.name);
    const conditions = wb.getWorksheet('下一等级条件');
    expect((conditions?.rowCount ?? 0) - 1).toBe(c.evaluation.tiers.find((t) => t.tier === c.evaluation.nextTier)?.conditions.length);
    const findings = wb.getWorksheet('问题');
    expect((findings?.rowCount ?? 0) - 1).toBe(c.evaluation.issues.length);
  });

  it('file names are safe; --uscc selects one return and an unknown code is a clear error', async () => {
    expect(safeFileName('<script>alert(1)</script>')).toBe('_script_alert(1)__script_');
    expect(safeFileName('../../etc/passwd')).not.toContain('/');
    const one = await writeFeedback(db.conn, join(out, 'one'), current[3]?.answers.enterprise.uscc ?? null);
    expect(one).toHaveLength(1);
    await expect(writeFeedback(db.conn, join(out, 'none'), '91320000000000000X')).rejects.toMatchObject({ code: 'feedback/not-found' });
  });
});

const tool = chromium();
describe.skipIf(!tool.available)('feedback page is PDF-ready', () => {
  it('prints to A4 PDF in headless Chromium without errors', async () => {
    const browser = await playwright.launch({ executablePath: tool.path ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(`file://${files[0]}`);
      expect(await page.textContent('h1')).toBe('智能工厂梯度建设自评价反馈');
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
