// Types of the ruleset: the official documents' content as typed data. Texts the PDF extraction lost are
// `null` ("missing"), never invented; they render as MISSING_TEXT.

export const RULESET_VERSION = '2025.1';
export const RULESET_EDITION = 2025;

/** Shown wherever the seed text lost the official wording. */
export const MISSING_TEXT = '原文缺失，以官方发布稿为准';

/** An official text, or null where the extraction lost it. */
export type OfficialText = string | null;

export type IndicatorGroup = '数字化应用能力' | '数字化支撑能力';

export type LevelNumber = 1 | 2 | 3 | 4 | 5 | 6;

interface IndicatorBase {
  readonly id: number;
  readonly group: IndicatorGroup;
  /** 二级指标 name as printed in 表1, e.g. 研发设计数字化水平. */
  readonly name: string;
  /** 指标描述 of 表1. */
  readonly description: string;
}

/** Indicators 1–6 and 8–10: six level texts, a level number and a self-score. */
export interface LevelledIndicator extends IndicatorBase {
  readonly kind: 'levelled';
  /** Level texts 1..6 of 表2 (index 0 = level 1), without the leading 「□n.」. */
  readonly levels: readonly [OfficialText, OfficialText, OfficialText, OfficialText, OfficialText, OfficialText];
  /** Whether 「不涉及此环节」 may be chosen (indicators 1, 5, 6). */
  readonly naAllowed: boolean;
}

/** Indicator 7: reported amounts, not a level. */
export interface AmountIndicator extends IndicatorBase {
  readonly kind: 'amount';
  /** The question as printed in 表2. */
  readonly question: string;
  readonly unit: '万元';
}

export type Indicator = LevelledIndicator | AmountIndicator;

/** A numeric interval with explicit open/closed ends, as printed in 表3. */
export interface Interval {
  readonly min: number;
  readonly max: number;
  readonly minOpen: boolean;
  readonly maxOpen: boolean;
}

export type FitKey = 'basic' | 'good' | 'full';

export interface FitBand extends Interval {
  readonly fit: FitKey;
  /** 基本符合 / 比较符合 / 非常符合 */
  readonly label: string;
}

export interface LevelBand {
  readonly level: LevelNumber;
  readonly band: Interval;
  /** Empty for level 1 (scores exactly 0). */
  readonly fits: readonly FitBand[];
}

export type TierKey = 'basic' | 'advanced' | 'excellent' | 'leading';
export const TIER_KEYS: readonly TierKey[] = ['basic', 'advanced', 'excellent', 'leading'];

/** The five 环节 of D2's tier conditions. */
export type StageKey = 'factory' | 'rnd' | 'production' | 'management' | 'operations';
export const STAGE_KEYS: readonly StageKey[] = ['factory', 'rnd', 'production', 'management', 'operations'];

/**
 * A scenario's description at one tier: `{has:false}` where the table prints 「/」 (cannot be rated at
 * that tier); `{has:true, text:null}` where a description exists but the extraction lost its words.
 */
export type TierDescription = { readonly has: false } | { readonly has: true; readonly text: OfficialText };

export interface Scenario {
  /** D4's numbering, 1..40. */
  readonly id: number;
  /** D4's name (场景名称 column). */
  readonly name: string;
  /** D1's names where they differ (recognised on input). */
  readonly aliases: readonly string[];
  /** D4's 环节 column (15 areas), e.g. 计划调度. */
  readonly area: string;
  /** D1's one-paragraph purpose (面向…). */
  readonly purpose: OfficialText;
  readonly tiers: Readonly<Record<TierKey, TierDescription>>;
}

/** GB/T 39116-2020 maturity, 1 (一级 规划级) .. 5 (五级 引领级). */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

export type DeclarationKey = 'scale' | 'compliance' | 'secure' | 'organization';
export const DECLARATION_KEYS: readonly DeclarationKey[] = ['scale', 'compliance', 'secure', 'organization'];

export interface BasicRequirement {
  readonly no: 1 | 2 | 3 | 4 | 5;
  /** Official wording of D2 一、基础要求. */
  readonly text: string;
  /** Short label for tables and the pane. */
  readonly label: string;
  /** (1)–(4) are declarations; (5) is computed from the composite. */
  readonly declaration: DeclarationKey | null;
}

export interface TierCondition {
  readonly tier: TierKey;
  /** 基础级 / 先进级 / 卓越级 / 领航级 */
  readonly label: string;
  /** Stages the built scenarios must cover. */
  readonly stages: readonly StageKey[];
  readonly minScenarios: number;
  readonly minMaturity: MaturityLevel;
  /** D4 §一: the composite above which this tier's scenario self-evaluation is suggested (strictly greater). */
  readonly compositeThreshold: number;
  /** D2's paragraph introducing the tier (official wording). */
  readonly text: string;
}
