// The roster (名单) of enterprises an agency expects to return a workbook, as the CSV an agency keeps:
// UTF-8 with BOM (what Excel writes as 「CSV UTF-8」) and GBK (what older Excel and WPS write by default).
import iconv from 'iconv-lite';
import { MANUFACTURING_DIVISIONS, cityOf, countyOf, industryLabel } from '../../core/index.ts';
import type { Enterprise } from './enterprises.ts';

export const ROSTER_HEADER = ['统一社会信用代码', '企业名称', '设区市', '县（市、区）', '所属行业', '联系人', '联系电话'] as const;

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function rosterRows(enterprises: readonly Enterprise[]): string[][] {
  return enterprises.map((e) => {
    const industry = MANUFACTURING_DIVISIONS.find((d) => d.code === e.industry);
    return [
      e.uscc,
      e.name,
      cityOf(e.city)?.name ?? e.city,
      countyOf(e.county)?.name ?? e.county,
      industry ? industryLabel(industry) : e.industry,
      e.contact,
      e.phone,
    ];
  });
}

export function rosterCsv(enterprises: readonly Enterprise[]): string {
  return [ROSTER_HEADER as readonly string[], ...rosterRows(enterprises)].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const rosterUtf8Bom = (enterprises: readonly Enterprise[]): Buffer =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rosterCsv(enterprises), 'utf8')]);

export const rosterGbk = (enterprises: readonly Enterprise[]): Buffer => iconv.encode(rosterCsv(enterprises), 'gbk');
