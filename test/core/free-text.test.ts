import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../core/index.ts';

describe('free text keeps full-width punctuation of proper names', () => {
  it('does not warn on 「某某（苏州）有限公司」 and still trims stray spaces with a warning', () => {
    const clean = parseAnswers({ enterprise: { name: '某某（苏州）精密机械有限公司' } });
    expect(clean.answers.enterprise.name).toBe('某某（苏州）精密机械有限公司');
    expect(clean.findings.filter((f) => f.where.field === 'SFE_NAME')).toEqual([]);

    const spaced = parseAnswers({ enterprise: { name: '  某某（苏州）  有限公司 ' } });
    expect(spaced.answers.enterprise.name).toBe('某某（苏州） 有限公司');
    expect(spaced.findings.map((f) => f.code)).toContain('input/normalised');
  });

  it('still reads full-width codes in region and industry cells', () => {
    const { answers } = parseAnswers({ enterprise: { city: '３２０５', industry: '３４' } });
    expect(answers.enterprise.city).toBe('3205');
    expect(answers.enterprise.industry).toBe('34');
  });
});
