import { describe, expect, it } from 'vitest';
import { JIANGSU_CITIES, MANUFACTURING_DIVISIONS, checkUscc, countyOf, usccDivision } from '../../core/index.ts';
import { SCALE_OPTIONS } from '../../pipeline/template/layout.ts';
import { SCALE_WEIGHTS } from '../../pipeline/corpus/data/weights.ts';
import { generateEnterprises } from '../../pipeline/corpus/enterprises.ts';
import { createRandom } from '../../pipeline/corpus/random.ts';

const enterprises = generateEnterprises(4000, createRandom('enterprises-test'));
const share = (pred: (e: (typeof enterprises)[number]) => boolean): number => enterprises.filter(pred).length / enterprises.length;

describe('generated enterprises', () => {
  it('have valid, unique 统一社会信用代码 registered in their own county', () => {
    expect(new Set(enterprises.map((e) => e.uscc)).size).toBe(enterprises.length);
    for (const e of enterprises) {
      expect(checkUscc(e.uscc), e.uscc).toBeNull();
      expect(e.uscc.slice(0, 2)).toBe('91');
      expect(usccDivision(e.uscc)).toBe(e.county);
      expect(countyOf(e.county)?.cityCode).toBe(e.city);
    }
  });

  it('cover all 13 cities, the south heavier than the north', () => {
    expect(new Set(enterprises.map((e) => e.city))).toEqual(new Set(JIANGSU_CITIES.map((c) => c.code)));
    const suzhou = share((e) => e.city === '3205');
    for (const light of ['3213', '3207', '3208']) expect(suzhou).toBeGreaterThan(3 * share((e) => e.city === light));
    expect(share((e) => e.city === '3202')).toBeGreaterThan(share((e) => e.city === '3213'));
  });

  it('lean to the industries Jiangsu is known for, tobacco rare', () => {
    const codes = new Set(MANUFACTURING_DIVISIONS.map((d) => d.code));
    for (const e of enterprises) expect(codes.has(e.industry)).toBe(true);
    const heavy = share((e) => ['38', '39', '34', '35', '26', '33'].includes(e.industry));
    expect(heavy).toBeGreaterThan(0.4);
    expect(share((e) => e.industry === '16')).toBeLessThan(0.005);
  });

  it('have clearly fictitious, unique names and contacts', () => {
    expect(new Set(enterprises.map((e) => e.name)).size).toBe(enterprises.length);
    for (const e of enterprises) {
      expect(e.name.startsWith('示例·')).toBe(true);
      expect(e.name.endsWith('【演示】')).toBe(true);
      expect(e.contact).toMatch(/^.(工|经理|主任|部长)$/);
      expect(e.phone).toMatch(/^0\d{2,3}-5550\d{4}$/);
    }
  });

  it('use the template’s scale options', () => {
    for (const [label] of SCALE_WEIGHTS) expect(SCALE_OPTIONS).toContain(label);
    for (const e of enterprises) expect(SCALE_OPTIONS).toContain(e.scale);
  });

  it('are the same for the same seed', () => {
    expect(generateEnterprises(50, createRandom(9))).toEqual(generateEnterprises(50, createRandom(9)));
  });
});
