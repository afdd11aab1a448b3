// Regenerates docs/screenshots/report*.png from the province of `npm run demo` (500 enterprises, seed 1), written as real workbooks, ingested with
// its roster by the real pipeline, reported, and photographed in headless Chromium.
// Run: npx tsx test/report/support/makeScreenshots.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { openForAnalysis } from '../../../pipeline/analytics/openForAnalysis.ts';
import { writeCorpus } from '../../../pipeline/corpus/writeCorpus.ts';
import { ingest } from '../../../pipeline/ingest/ingest.ts';
import { writeReport } from '../../../pipeline/report/writeReport.ts';
import { importRoster } from '../../../pipeline/roster/importRoster.ts';
import { CHROMIUM_ARGS } from '../../support/tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'sfe-shots-'));
await writeCorpus({ n: 500, seed: 1, outDir: dir, trouble: true, badFiles: true });
const dbFile = join(dir, 'sfe.duckdb');
await importRoster(join(dir, 'roster.csv'), dbFile);
await ingest({ paths: [join(dir, 'returns')], db: dbFile, workers: 1 });
const db = await openForAnalysis(dbFile);
const province = await writeReport(db.conn, join(dir, 'out'), { city: null, industry: null });
const city = await writeReport(db.conn, join(dir, 'out'), { city: '3205', industry: null });
db.close();

const shots = fileURLToPath(new URL('../../../docs/screenshots', import.meta.url));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
await page.goto(`file://${province.html}`);
await page.screenshot({ path: join(shots, 'report.png'), clip: { x: 0, y: 0, width: 1280, height: 1560 }, fullPage: true });
const box = await page.locator('#indicators').boundingBox();
if (box) await page.screenshot({ path: join(shots, 'report-indicators.png'), clip: { x: 0, y: box.y - 12, width: 1280, height: Math.min(box.height + 24, 1100) }, fullPage: true });
await page.goto(`file://${city.html}`);
await page.screenshot({ path: join(shots, 'report-city.png'), clip: { x: 0, y: 0, width: 1280, height: 1200 }, fullPage: true });
await browser.close();
process.stdout.write(`screenshots written to ${shots}\n`);
