// sfe report's outputs: the HTML page in headless Chromium, the summary workbook read back with ExcelJS,
// the CSV read back with papaparse, the Parquet read back with DuckDB — each compared with the views.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { chromium as playwright, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../pipeline/analytics/readRows.ts';
import { neutraliseCell, toCsv } from '../../pipeline/report/csv.ts';
import { html, jsonForScript } from '../../pipeline/report/escape.ts';
import { writeReport, type ReportFiles } from '../../pipeline/report/writeReport.ts';
import { openDb, type Db } from '../../pipeline/store/openDb.ts';
import { generateCorpus, NASTY_NAMES } from '../analytics/support/corpus.ts';
import { buildFixtureDb } from '../analytics/support/storeFixture.ts';
import { CHROMIUM_ARGS, chromium } from '../support/tools.ts';

let db: Db;
let province: ReportFiles;
let suzhou: ReportFiles;

beforeAll(async () => {
  const built = await buildFixtureDb(generateCorpus(220, 11));
  db = built.db;
  const out = mkdtempSync(join(tmpdir(), 'sfe-report-'));
  province = await writeReport(db.conn, out, { city: null, industry: null });
  suzhou = await writeReport(db.conn, out, { city: '3205', industry: '34' });
});
afterAll(() => db?.close());

describe('escaping', () => {
  it('html() and jsonForScript() leave nothing that could open a tag or end a script', () => {
    expect(html('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    const j = jsonForScript({ name: '</script><!-- &' });
    expect(j).not.toMatch(/[<>&]/);
    expect(JSON.parse(j)).toEqual({ name: '</script><!-- &' });
  });

  it('CSV cells that Excel would evaluate are neutralised, numbers untouched', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+86', '-1+2', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    expect(neutraliseCell(-3)).toBe(-3);
    expect(neutraliseCell('南京市')).toBe('南京市');
    const csv = toCsv(['a'], [['=1+1']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Papa.parse<string[]>(csv.slice(1)).data[1]?.[0]).toBe("'=1+1");
  });
});

describe('summary workbook', () => {
  it('has one sheet per breakdown whose cells equal the views, as numbers, with frozen header and autofilter', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(province.workbook);
    for (const b of province.data.breakdowns) {
      const ws = wb.getWorksheet(b.sheet);
      expect(ws, b.sheet).toBeDefined();
      if (!ws) continue;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeDefined();
      expect(ws.getRow(1).values).toEqual([undefined, ...b.columns.map((c) => c.header)]);
      expect(ws.rowCount - 1, b.sheet).toBe(b.rows.length);
      b.rows.forEach((r, i) => {
        b.columns.forEach((c, j) => {
          const cell = ws.getRow(i + 2).getCell(j + 1);
          const v = r[c.key] ?? null;
          if (c.kind !== 'text' && v !== null) {
            expect(typeof cell.value, `${b.sheet} ${c.key}`).toBe('number');
            expect(cell.numFmt, `${b.sheet} ${c.key}`).toBeTruthy();
          }
          expect(cell.value ?? null, `${b.sheet} r${i} ${c.key}`).toEqual(v);
        });
      });
    }
  });

  it('the city sheet equals stats_by_city queried directly', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(province.workbook);
    const ws = wb.getWorksheet('按设区市');
    const direct = await readRows(db.conn, 'SELECT city_code, returns, composite_mean, ref_advanced FROM stats_by_city ORDER BY city_code');
    expect(direct.length).toBeGreaterThan(1);
    const headers = (ws?.getRow(1).values as unknown[]).slice(1);
    const col = (h: string): number => headers.indexOf(h) + 1;
    direct.forEach((d, i) => {
      const row = ws?.getRow(i + 2);
      expect(row?.getCell(col('设区市代码')).value).toBe(d.city_code);
      expect(row?.getCell(col('回收份数')).value).toBe(d.returns);
      expect(row?.getCell(col('综合得分均值')).value).toBe(d.composite_mean);
      expect(row?.getCell(col('参考等级：先进级')).value).toBe(d.ref_advanced);
    });
  });
});

describe('CSV and Parquet exports', () => {
  it('current_results.csv: UTF-8 with BOM, rows equal the view, formula-like names neutralised', async () => {
    const file = province.exports.find((e) => e.name === 'current_results')?.csv as string;
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1, -2), { header: true });
    expect(parsed.errors).toEqual([]);
    const view = await readRows(db.conn, 'SELECT uscc, name, composite, reference_tier, fill_date FROM current_results ORDER BY city_code, county_code, uscc');
    expect(parsed.data).toHaveLength(view.length);
    parsed.data.forEach((row, i) => {
      const v = view[i];
      expect(row.uscc).toBe(v?.uscc);
      expect(row.name).toBe(neutraliseCell(v?.name ?? null));
      expect(row.reference_tier).toBe(v?.reference_tier ?? '');
      expect(row.fill_date).toBe(String(v?.fill_date).slice(0, 10));
      if (v?.composite === null) expect(row.composite).toBe('');
      else expect(Number(row.composite)).toBe(v?.composite);
    });
    const names = parsed.data.map((r) => r.name);
    expect(names).toContain(`'=HYPERLINK("http://x","y")`);
    expect(names).toContain("'@SUM(A1)有限公司");
    expect(names).toContain("'+86 公司");
    expect(names).toContain("'-1 制造厂");
    expect(names).toContain('<script>alert(1)</script>');
    expect(names.some((n) => /^[=+\-@\t\r]/.test(n ?? ''))).toBe(false);
  });

  it('Parquet files read back with DuckDB equal the exported rows', async () => {
    for (const e of province.exports) {
      expect(existsSync(e.parquet)).toBe(true);
      const n = (await readRows(db.conn, `SELECT count(*) AS n FROM read_parquet('${e.parquet.replace(/'/g, "''")}')`))[0]?.n;
      expect(n, e.name).toBe(e.rows);
    }
    const names = await readRows(db.conn, `SELECT name FROM read_parquet('${province.exports[0]?.parquet ?? ''}') WHERE name LIKE '=%'`);
    expect(names.map((r) => r.name)).toEqual(['=HYPERLINK("http://x","y")']);
  });

  it('a scoped report exports only its city and industry', async () => {
    const csv = suzhou.exports.find((e) => e.name === 'current_results')?.csv as string;
    const parsed = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8').slice(1), { header: true, skipEmptyLines: true });
    const expected = (await readRows(db.conn, `SELECT count(*) AS n FROM current_results WHERE city_code = '3205' AND industry_code = '34'`))[0]?.n;
    expect(parsed.data.length).toBe(expected);
    expect(parsed.data.every((r) => r.city_code === '3205' && r.industry_code === '34')).toBe(true);
    expect(suzhou.data.overall.returns).toBe(expected);
    expect(suzhou.data.areaKind).toBe('county');
  });
});

const tool = chromium();
describe.skipIf(!tool.available)('HTML report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await playwright.launch({ executablePath: tool.path ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());

  async function open(file: string): Promise<{ errors: string[]; page: Awaited<ReturnType<Browser['newPage']>> }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    // Nothing may be fetched: the page is self-contained.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    page.on('request', (r) => { if (!r.url().startsWith('file:')) errors.push(`network request: ${r.url()}`); });
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => Object.keys((window as unknown as { __sfeCharts?: object }).__sfeCharts ?? {}).length > 0);
    return { errors, page };
  }

  it('renders every chart with data, no console errors, no network', async () => {
    const { errors, page } = await open(province.html);
    const charts = await page.evaluate(() => {
      const w = window as unknown as { __sfeCharts: Record<string, { getOption(): { series: { data: unknown[] }[] } }> };
      return Object.fromEntries(Object.entries(w.__sfeCharts).map(([k, c]) => [k, c.getOption().series.map((s) => s.data.length)]));
    });
    const containers = await page.$$eval('[data-chart]', (els) => els.map((e) => e.getAttribute('data-chart')));
    expect(Object.keys(charts).sort()).toEqual([...containers].sort());
    expect(containers).toEqual(expect.arrayContaining(['areaRank', 'areaBox', 'areaTiers', 'tiers', 'indicators', 'upgrade', 'roster']));
    for (const [id, lengths] of Object.entries(charts)) {
      expect(lengths.length, id).toBeGreaterThan(0);
      for (const n of lengths) expect(n, id).toBeGreaterThan(0);
    }
    // Each chart drew something (SVG renderer: paths inside its container).
    const drawn = await page.$$eval('[data-chart]', (els) => els.map((e) => e.querySelectorAll('svg path, svg rect').length));
    for (const n of drawn) expect(n).toBeGreaterThan(5);
    // The city ranking shows the 13 cities' data the view holds, highest mean first.
    const rank = await page.evaluate(() => (window as unknown as { __sfeCharts: Record<string, { getOption(): { series: { data: number[] }[] } }> }).__sfeCharts.areaRank?.getOption().series[0]?.data);
    const means = (await readRows(db.conn, 'SELECT composite_mean FROM stats_by_city WHERE composite_mean IS NOT NULL ORDER BY composite_mean DESC')).map((r) => r.composite_mean);
    expect(rank).toEqual(means);
    const boxes = await page.evaluate(() => (window as unknown as { __sfeCharts: Record<string, { getOption(): { series: { data: number[][] }[] } }> }).__sfeCharts.areaBox?.getOption().series[0]?.data);
    const quartiles = (await readRows(db.conn, 'SELECT composite_min, composite_q1, composite_median, composite_q3, composite_max FROM stats_by_city WHERE composite_mean IS NOT NULL ORDER BY composite_mean DESC'))
      .map((r) => [r.composite_min, r.composite_q1, r.composite_median, r.composite_q3, r.composite_max]);
    expect(boxes).toEqual(quartiles);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows hostile enterprise names as text, never as markup', async () => {
    const { errors, page } = await open(province.html);
    let dialogs = 0;
    page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
    // The corpus gives these names an error, so they are listed among the returns to correct.
    const names = await page.$$eval('#t-corrections tbody td:nth-child(2)', (tds) => tds.map((t) => t.textContent));
    for (const n of NASTY_NAMES) expect(names).toContain(n);
    expect(await page.$$('main script, main img')).toHaveLength(0);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tables sort when a header is clicked', async () => {
    const { page } = await open(province.html);
    const col = await page.$$eval('#t-areas thead th', (ths) => ths.findIndex((t) => t.textContent === '回收份数'));
    await page.click(`#t-areas thead th:nth-child(${col + 1})`);
    const asc = await page.$$eval(`#t-areas tbody td:nth-child(${col + 1})`, (tds) => tds.map((t) => Number(t.getAttribute('data-sort'))));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await page.click(`#t-areas thead th:nth-child(${col + 1})`);
    const desc = await page.$$eval(`#t-areas tbody td:nth-child(${col + 1})`, (tds) => tds.map((t) => Number(t.getAttribute('data-sort'))));
    expect(desc).toEqual([...asc].reverse());
    await page.close();
  });

  it('prints: navigation hidden, charts kept, a PDF comes out', async () => {
    const { errors, page } = await open(province.html);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('nav.toc')).toBe(false);
    expect(await page.isVisible('[data-chart="areaRank"] svg')).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an empty database gives a page with no empty charts and no errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfe-report-empty-'));
    const empty = await openDb(join(dir, 'empty.duckdb'));
    const files = await writeReport(empty.conn, dir, { city: null, industry: null });
    empty.close();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`file://${files.html}`);
    expect(await page.$$('[data-chart]')).toHaveLength(0);
    expect(await page.textContent('#overview')).toContain('0');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a city report ranks that city’s counties', async () => {
    const { errors, page } = await open(suzhou.html);
    expect(await page.textContent('h1')).toContain('苏州市');
    const labels = await page.$$eval('#t-areas tbody td:first-child', (tds) => tds.map((t) => t.textContent));
    const counties = (await readRows(db.conn, `SELECT county_name FROM region_stats WHERE grain = 'county_industry' AND city_code = '3205' AND industry_code = '34' ORDER BY county_code`)).map((r) => r.county_name);
    expect(labels).toEqual(counties);
    expect(errors).toEqual([]);
    await page.close();
  });
});
