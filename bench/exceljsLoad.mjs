// The reference: bare ExcelJS `load` of every listed file, one after another in this one process, timed
// from the first read to the last load (process start-up excluded). Plain JavaScript, no loader hooks.
// Usage: node bench/exceljsLoad.mjs LIST_FILE   (one absolute path per line) → one JSON line on stdout.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

const list = (await readFile(process.argv[2], 'utf8')).split('\n').filter((l) => l.length > 0);
let failed = 0;
const started = process.hrtime.bigint();
for (const file of list) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(await readFile(file));
  } catch {
    failed++;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ files: list.length, failed, seconds })}\n`);
