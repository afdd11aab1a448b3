// Roster files in the encodings agencies have: UTF-8 with and without BOM, GBK, and .xlsx.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { generateEnterprises } from '../../pipeline/corpus/enterprises.ts';
import { createRandom } from '../../pipeline/corpus/random.ts';
import { ROSTER_HEADER, rosterCsv, rosterRows } from '../../pipeline/corpus/roster.ts';
import { readRoster } from '../../pipeline/roster/readRoster.ts';

const ents = generateEnterprises(6, createRandom(11));
const csv = rosterCsv(ents);

describe('roster import', () => {
  const variants: [string, string, Buffer][] = [
    ['utf8-bom.csv', 'utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')])],
    ['utf8.csv', 'utf-8', Buffer.from(csv, 'utf8')],
    ['gbk.csv', 'gb18030', iconv.encode(csv, 'gbk')],
  ];
  for (const [name, encoding, bytes] of variants) {
    it(`reads ${name}`, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'sfe-roster-'));
      const file = path.join(dir, name);
      await writeFile(file, bytes);
      const r = await readRoster(file);
      expect(r.encoding).toBe(encoding);
      expect(r.problems).toEqual([]);
      expect(r.rows.map((x) => [x.uscc, x.name, x.cityCode, x.countyCode, x.industryCode])).toEqual(ents.map((e) => [e.uscc, e.name, e.city, e.county, e.industry]));
    });
  }

  it('reads .xlsx and reports blank and repeated codes per line', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow([...ROSTER_HEADER]);
    for (const r of rosterRows(ents)) ws.addRow(r);
    ws.addRow(['', '没有代码的企业']);
    ws.addRow([ents[0]?.uscc, '重复企业']);
    const dir = await mkdtemp(path.join(tmpdir(), 'sfe-roster-'));
    const file = path.join(dir, '名单.xlsx');
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await readRoster(file);
    expect(r.rows.map((x) => x.uscc)).toEqual(ents.map((e) => e.uscc));
    expect(r.problems.map((p) => p.line)).toEqual([ents.length + 2, ents.length + 3]);
  });
});
