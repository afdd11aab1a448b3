import { describe, expect, it } from 'vitest';
import { FIELD, RULESET_2025, evaluateRaw, fieldsFromAnswers, rawAnswersFromFields } from '../../core/index.ts';
import { drawAnswers } from '../../pipeline/corpus/answers.ts';
import { generateEnterprises } from '../../pipeline/corpus/enterprises.ts';
import { createRandom } from '../../pipeline/corpus/random.ts';
import { TROUBLE_KINDS, fullWidth, plantTrouble } from '../../pipeline/corpus/trouble.ts';

const rng = createRandom('trouble-test');
const enterprises = generateEnterprises(60, rng.fork('e'));
const clean = enterprises.map((e) => drawAnswers(e, rng.fork(`a/${e.index}`), { fillDate: '2025-05-20' }).answers);
const codesOf = (cells: Map<string, string | number | null>): string[] =>
  [...new Set(evaluateRaw(rawAnswersFromFields((n) => cells.get(n) ?? null), RULESET_2025).evaluation.issues.map((f) => f.code))].sort();

describe('planted trouble', () => {
  it('clean cells give no finding', () => {
    for (const a of clean) expect(codesOf(fieldsFromAnswers(a))).toEqual([]);
  });

  for (const kind of TROUBLE_KINDS) {
    it(`${kind}: the core reports exactly the codes the planter promises`, () => {
      let planted = 0;
      clean.forEach((a, i) => {
        const cells = fieldsFromAnswers(a);
        const before = new Map(cells);
        const out = plantTrouble(kind, cells, a, rng.fork(`${kind}/${i}`));
        if (!out) return;
        planted++;
        expect(out.planted.kind).toBe(kind);
        expect(out.codes).toContain(out.planted.code);
        expect(cells.get(out.planted.field)).toBe(out.planted.raw);
        expect(before.get(out.planted.field)).not.toBe(out.planted.raw);
        expect(codesOf(cells)).toEqual([...new Set(out.codes)].sort());
        expect(out.rejection).toBe(kind === 'identity-missing' ? 'file/identity-missing' : null);
      });
      // Every kind finds a place in nearly every set of answers.
      expect(planted).toBeGreaterThan(clean.length * 0.8);
    });
  }

  it('text forms are the ones people type', () => {
    expect(fullWidth('15.5')).toBe('１５．５');
    const forms = new Set<string>();
    clean.forEach((a, i) => {
      const cells = fieldsFromAnswers(a);
      const out = plantTrouble('text-form', cells, a, rng.fork(`forms/${i}`));
      const raw = String(out?.planted.raw);
      forms.add(/分$/.test(raw) ? 'unit' : /级$/.test(raw) ? 'level' : /[０-９]/.test(raw) ? 'full-width' : raw);
    });
    expect(forms).toEqual(new Set(['unit', 'level', 'full-width']));
  });

  it('a wrong check character changes only the last character', () => {
    const a = clean[0]!;
    const cells = fieldsFromAnswers(a);
    const out = plantTrouble('uscc-check-char', cells, a, rng);
    const raw = String(out?.planted.raw);
    expect(raw.slice(0, 17)).toBe(a.enterprise.uscc?.slice(0, 17));
    expect(raw).not.toBe(a.enterprise.uscc);
    expect(cells.get(FIELD.uscc)).toBe(raw);
  });
});
