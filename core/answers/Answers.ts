// The answers of one enterprise: the contract shared by `sfe evaluate`, the workbook reader, the add-in
// and the database. `RawAnswers` is what arrives (any cell value); `Answers` is the same shape, normalised.
import { z } from 'zod';
import type { DeclarationKey, LevelNumber, MaturityLevel, TierKey } from '../ruleset/types.ts';

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();
const Id = z.union([z.number(), z.string()]);

export const RawAnswersSchema = z.object({
  enterprise: z
    .object({
      name: Scalar,
      uscc: Scalar,
      city: Scalar,
      county: Scalar,
      industry: Scalar,
      scale: Scalar,
      maturity: Scalar,
      contact: Scalar,
      phone: Scalar,
      fillDate: Scalar,
      declarations: z
        .object({ scale: Scalar, compliance: Scalar, secure: Scalar, organization: Scalar })
        .partial()
        .optional(),
    })
    .partial()
    .default({}),
  indicators: z
    .array(
      z.object({ id: Id, level: Scalar, score: Scalar, investmentTotal: Scalar, investment2024: Scalar }),
    )
    .default([]),
  scenarios: z.array(z.object({ id: Id, tier: Scalar, note: Scalar })).default([]),
});

export type RawAnswers = z.input<typeof RawAnswersSchema>;

export interface EnterpriseAnswers {
  readonly name: string | null;
  readonly uscc: string | null;
  /** 4-digit 设区市 code, e.g. "3205". */
  readonly city: string | null;
  /** 6-digit 县(市、区) code. */
  readonly county: string | null;
  /** GB/T 4754 大类, "13".."43". */
  readonly industry: string | null;
  readonly scale: string | null;
  readonly maturity: MaturityLevel | null;
  readonly declarations: Readonly<Record<DeclarationKey, boolean | null>>;
  readonly contact: string | null;
  readonly phone: string | null;
  /** YYYY-MM-DD */
  readonly fillDate: string | null;
}

export interface LevelAnswer {
  readonly id: number;
  readonly level: LevelNumber | 'NA' | null;
  readonly score: number | null;
}

export interface InvestmentAnswer {
  readonly id: 7;
  readonly investmentTotal: number | null;
  readonly investment2024: number | null;
}

export interface ScenarioAnswer {
  readonly id: number;
  readonly tier: TierKey | null;
  readonly note?: string | null;
}

export interface Answers {
  readonly enterprise: EnterpriseAnswers;
  /** Indicators 1..10 in order; 7 is the investment answer. */
  readonly indicators: readonly (LevelAnswer | InvestmentAnswer)[];
  /** Scenarios 1..40 in order. */
  readonly scenarios: readonly ScenarioAnswer[];
}

export const isInvestment = (a: LevelAnswer | InvestmentAnswer): a is InvestmentAnswer => a.id === 7;

export function levelAnswer(answers: Answers, id: number): LevelAnswer {
  const a = answers.indicators.find((x) => x.id === id);
  return a && !isInvestment(a) ? a : { id, level: null, score: null };
}

export function investmentAnswer(answers: Answers): InvestmentAnswer {
  const a = answers.indicators.find(isInvestment);
  return a ?? { id: 7, investmentTotal: null, investment2024: null };
}

/** Answers with nothing filled in (a fresh template). */
export function emptyAnswers(): Answers {
  return {
    enterprise: {
      name: null, uscc: null, city: null, county: null, industry: null, scale: null, maturity: null,
      declarations: { scale: null, compliance: null, secure: null, organization: null },
      contact: null, phone: null, fillDate: null,
    },
    indicators: Array.from({ length: 10 }, (_, i) =>
      i + 1 === 7 ? { id: 7 as const, investmentTotal: null, investment2024: null } : { id: i + 1, level: null, score: null },
    ),
    scenarios: Array.from({ length: 40 }, (_, i) => ({ id: i + 1, tier: null })),
  };
}
