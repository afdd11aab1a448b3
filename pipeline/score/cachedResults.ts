// The workbook's own formula results (composite, suggested and reference tier) are never trusted; they
// are compared with the core's evaluation and a disagreement becomes a warning.
import { FIELD, normaliseTier, TIER_LABELS, type Evaluation, type TierKey } from '../../core/index.ts';
import type { CellReading } from '../read/CellReading.ts';

export interface CachedResults {
  readonly composite: number | null;
  readonly suggestedTier: TierKey | null;
  readonly referenceTier: TierKey | null;
  /** Fields whose formulas carried a cached value (formulas never calculated leave none). */
  readonly present: readonly string[];
}

export interface CachedMismatch {
  readonly field: string;
  readonly label: string;
  readonly cached: string | number | null;
  readonly computed: string | number | null;
}

const cachedText = (r: CellReading | undefined): string | null => (r && r.kind === 'text' ? r.value : null);
const hasCache = (r: CellReading | undefined): boolean => r !== undefined && r.kind !== 'formula-without-cache' && r.kind !== 'empty';

export function cachedResultsOf(get: (field: string) => CellReading | undefined): CachedResults {
  const c = get(FIELD.composite);
  const tier = (f: string): TierKey | null => {
    const t = cachedText(get(f));
    if (t === null) return null;
    const n = normaliseTier(t);
    return n.ok ? n.value : null;
  };
  return {
    composite: c && c.kind === 'number' ? c.value : null,
    suggestedTier: tier(FIELD.suggestedTier),
    referenceTier: tier(FIELD.referenceTier),
    present: [FIELD.composite, FIELD.suggestedTier, FIELD.referenceTier].filter((f) => hasCache(get(f))),
  };
}

const tierLabel = (t: TierKey | null): string | null => (t === null ? null : TIER_LABELS[t]);
/** The workbook shows the composite to 2 decimals; anything closer than that is agreement. */
const COMPOSITE_TOLERANCE = 0.005;

export function compareCached(cached: CachedResults, e: Evaluation): CachedMismatch[] {
  const out: CachedMismatch[] = [];
  const has = (f: string): boolean => cached.present.includes(f);
  const c = cached.composite;
  const v = e.composite;
  if (has(FIELD.composite) && ((c === null) !== (v === null) || (c !== null && v !== null && Math.abs(c - v) > COMPOSITE_TOLERANCE))) {
    out.push({ field: FIELD.composite, label: '综合得分', cached: c, computed: v === null ? null : Math.round(v * 100) / 100 });
  }
  if (has(FIELD.suggestedTier) && cached.suggestedTier !== e.suggestedTier) {
    out.push({ field: FIELD.suggestedTier, label: '建议场景自评等级', cached: tierLabel(cached.suggestedTier), computed: tierLabel(e.suggestedTier) });
  }
  if (has(FIELD.referenceTier) && cached.referenceTier !== e.referenceTier) {
    out.push({ field: FIELD.referenceTier, label: '参考等级', cached: tierLabel(cached.referenceTier), computed: tierLabel(e.referenceTier) });
  }
  return out;
}
