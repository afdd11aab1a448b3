// A filled-in workbook (as defined name → canonical cell value), built from answers through the core's own
// mapping, with two deliberate problems: scenario 1 rated at a tier it has no description for (an error)
// and a 2024 investment above the total since 2014 (a warning).
import { emptyAnswers, fieldsFromAnswers, withCheckChar, type Answers, type LevelAnswer, type TierKey } from '../../../core/index.ts';

export const LEVELS: Readonly<Record<number, readonly [LevelAnswer['level'], number | null]>> = {
  1: [6, 88],
  2: [5, 72],
  3: [5, 74],
  4: [5, 68],
  5: ['NA', null],
  6: [5, 70],
  8: [4, 58],
  9: [6, 82],
  10: [6, 86],
};

const ADVANCED = [9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 25, 26, 27, 30];
const BASIC = [3, 5, 6];

export function filledAnswers(): Answers {
  const a = emptyAnswers();
  const tierOf = (id: number): TierKey | null =>
    id === 1 ? 'basic' : id === 21 ? 'excellent' : ADVANCED.includes(id) ? 'advanced' : BASIC.includes(id) ? 'basic' : null;
  return {
    enterprise: {
      ...a.enterprise,
      name: '苏州示例精密机械有限公司',
      uscc: withCheckChar('91320583MA1Q2W3E4'),
      city: '3205',
      county: '320583',
      industry: '34',
      scale: '大型',
      maturity: 3,
      declarations: { scale: true, compliance: true, secure: true, organization: true },
      contact: '张工',
      phone: '0512-12345678',
      fillDate: '2025-06-30',
    },
    indicators: a.indicators.map((x) => {
      if (x.id === 7) return { id: 7, investmentTotal: 3200, investment2024: 3500 };
      const [level, score] = LEVELS[x.id] ?? [null, null];
      return { id: x.id, level, score };
    }),
    scenarios: a.scenarios.map((s) => ({ id: s.id, tier: tierOf(s.id) })),
  };
}

export const filledFields = (): Map<string, string | number | null> => fieldsFromAnswers(filledAnswers());
export const emptyFields = (): Map<string, string | number | null> => fieldsFromAnswers(emptyAnswers());
