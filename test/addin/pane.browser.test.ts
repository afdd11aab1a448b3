// The built pane page in headless Chromium with a stand-in Office host: it renders the dashboard for a
// filled and an empty workbook at pane width, selects a problem's cell on click, re-evaluates once per burst
// of changes, calls nothing outside (office.js is served empty), and logs no errors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium as pw, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD, RESULT_FIELDS, RULESET_2025, evaluateRaw, rawAnswersFromFields } from '../../core/index.ts';
import { buildAddin, REPO_ROOT } from '../../addin/build.ts';
import { CHROMIUM_ARGS, chromium } from '../support/tools.ts';
import { fakeOfficeScript, type FakeOfficeState, type FakeWorkbookData } from './support/fakeOffice.ts';
import { emptyFields, filledFields } from './support/fixtures.ts';

const tool = chromium();
const ORIGIN = 'https://addin.test';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const META = [['template_id', 'sfe-jiangsu-smart-factory'], ['template_version', '2025.1'], ['ruleset_version', '2025.1']] as const;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

let dir: string;
let browser: Browser;

function workbook(fields: Map<string, string | number | null>): FakeWorkbookData {
  const values: Record<string, string | number> = {};
  for (const [k, v] of fields) values[k] = v ?? '';
  for (const r of RESULT_FIELDS) values[r] = '';
  return { meta: META, values };
}

async function openPane(data: FakeWorkbookData, width = 360): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 2 });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    if (url.startsWith(`${ORIGIN}/`)) {
      const path = new URL(url).pathname.slice(1);
      try {
        return await route.fulfill({ status: 200, contentType: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(join(dir, path)) });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    }
    outside.push(url);
    return route.abort();
  });
  await page.addInitScript({ content: fakeOfficeScript(data) });
  await page.goto(`${ORIGIN}/taskpane.html`);
  return { page, errors, outside };
}

const state = (page: Page): Promise<FakeOfficeState> => page.evaluate(() => (window as unknown as { __fakeOffice: FakeOfficeState }).__fakeOffice);

describe.skipIf(!tool.available)('the pane page in Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sfe-pane-'));
    await buildAddin({ outDir: dir, rootManifest: null });
    browser = await pw.launch({ executablePath: tool.path ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders a filled workbook with the core numbers, and a click selects the cell', async () => {
    const fields = filledFields();
    const e = evaluateRaw(rawAnswersFromFields((n) => fields.get(n) ?? null), RULESET_2025).evaluation;
    const { page, errors, outside } = await openPane(workbook(fields));
    await page.getByTestId('composite').waitFor();
    expect(await page.getByTestId('composite').textContent()).toBe(e.composite?.toFixed(2));
    expect(await page.getByTestId('reference-tier').textContent()).toBe('先进级');
    expect(await page.getByTestId('suggested-tier').textContent()).toBe('先进级');
    expect(await page.locator('[data-testid=problems] li').count()).toBe(e.issues.length);
    expect(await page.locator('[data-testid=unmet] li').count()).toBe(e.unmet.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const s = await state(page);
    expect(s.runs).toBe(2); // one read, one change registration
    expect(s.associated.length).toBeGreaterThanOrEqual(13);

    if (process.env.SFE_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(REPO_ROOT, 'docs', 'screenshots'), { recursive: true });
      writeFileSync(join(REPO_ROOT, 'docs', 'screenshots', 'addin-pane.png'), await page.screenshot({ fullPage: true }));
    }
    await page.locator(`button[data-field=${FIELD.tier(1)}]`).click();
    await page.waitForFunction(() => (window as unknown as { __fakeOffice: FakeOfficeState }).__fakeOffice.selected !== null);
    const names = Object.keys(workbook(fields).values);
    expect((await state(page)).selected).toBe(`自评价!B${names.indexOf(FIELD.tier(1)) + 2}`);

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('re-evaluates once after a burst of worksheet changes', async () => {
    const fields = filledFields();
    const { page, errors } = await openPane(workbook(fields));
    await page.getByTestId('composite').waitFor();
    const before = (await state(page)).runs;
    await page.evaluate(() => {
      const f = (window as unknown as { __fakeOffice: FakeOfficeState }).__fakeOffice;
      f.setValue('SFE_I02_SCORE', 79);
      for (let i = 0; i < 5; i++) f.fireChange();
    });
    fields.set(FIELD.score(2), 79);
    const e = evaluateRaw(rawAnswersFromFields((n) => fields.get(n) ?? null), RULESET_2025).evaluation;
    await page.waitForFunction((v) => document.querySelector('[data-testid=composite]')?.textContent === v, e.composite?.toFixed(2));
    await page.waitForTimeout(800);
    expect((await state(page)).runs - before).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders an empty workbook at 320 px without a composite', async () => {
    const { page, errors, outside } = await openPane(workbook(emptyFields()), 320);
    await page.getByTestId('composite').waitFor();
    expect(await page.getByTestId('composite').textContent()).toBe('—');
    expect(await page.getByTestId('reference-tier').textContent()).toBe('未达到');
    expect(await page.locator('[data-testid=problems] li').count()).toBeGreaterThan(10);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    if (process.env.SFE_UPDATE_SCREENSHOTS === '1') {
      writeFileSync(join(REPO_ROOT, 'docs', 'screenshots', 'addin-pane-empty.png'), await page.screenshot());
    }
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('says so when the workbook is not the template', async () => {
    const { page, errors } = await openPane({ meta: null, values: { Sheet1: 1 } });
    await page.getByTestId('notice').and(page.locator('[data-kind=not-template]')).waitFor();
    expect(await page.getByTestId('notice').textContent()).toContain('不是自评价表');
    expect(errors).toEqual([]);
    await page.close();
  });
});
