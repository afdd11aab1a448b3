// The targets, checked against one run (and, for flat memory, the last run at another size).
import type { Machine } from './machine.ts';

export interface Measurements {
  readonly n: number;
  readonly files: number;
  readonly exceljs: { readonly files: number; readonly filesPerSecond: number; readonly sampled: boolean };
  readonly ingest1: { readonly filesPerSecond: number; readonly peakRssMb: number };
  readonly ingest2: { readonly filesPerSecond: number; readonly peakRssMb: number };
  readonly evaluateMedianMs: number;
}

export interface RecordedRun {
  readonly date: string;
  readonly machine: Machine;
  readonly n: number;
  readonly files: number;
  readonly peakRssMb: number;
}

export interface TargetCheck {
  readonly name: string;
  readonly want: string;
  readonly got: string;
  /** Null when the target cannot be judged from this run alone. */
  readonly pass: boolean | null;
}

export const RSS_LIMIT_MB = 400;
/** "Flat": the larger corpus may peak at most this much above the smaller one. */
export const FLAT_TOLERANCE = 0.15;

const fmt = (x: number, d = 2): string => x.toFixed(d);

export function checkTargets(m: Measurements, other: RecordedRun | null): TargetCheck[] {
  const ratio1 = m.ingest1.filesPerSecond / m.exceljs.filesPerSecond;
  const ratio2 = m.ingest2.filesPerSecond / m.ingest1.filesPerSecond;
  const peak = Math.max(m.ingest1.peakRssMb, m.ingest2.peakRssMb);
  const checks: TargetCheck[] = [
    { name: 'ingest, 1 worker vs bare ExcelJS', want: '≥ 0.70×', got: `${fmt(ratio1)}×`, pass: ratio1 >= 0.7 },
    { name: 'ingest, 2 workers vs 1 worker', want: '≥ 1.60×', got: `${fmt(ratio2)}×`, pass: ratio2 >= 1.6 },
    { name: 'ingest peak RSS (process tree)', want: `< ${RSS_LIMIT_MB} MB`, got: `${fmt(peak, 0)} MB`, pass: peak < RSS_LIMIT_MB },
  ];
  if (other) {
    const [small, large] = other.files <= m.files ? [other.peakRssMb, peak] : [peak, other.peakRssMb];
    const growth = large / small - 1;
    checks.push({
      name: `peak RSS flat vs the run of ${other.files} files (${other.date})`,
      want: `larger ≤ smaller + ${FLAT_TOLERANCE * 100}%`,
      got: `${growth >= 0 ? '+' : ''}${fmt(growth * 100, 1)}%`,
      pass: growth <= FLAT_TOLERANCE,
    });
  } else {
    checks.push({ name: 'peak RSS flat across sizes', want: `larger ≤ smaller + ${FLAT_TOLERANCE * 100}%`, got: 'no run at another size on this machine yet', pass: null });
  }
  checks.push({ name: '`sfe evaluate` of one workbook (median)', want: '< 300 ms', got: `${fmt(m.evaluateMedianMs, 0)} ms`, pass: m.evaluateMedianMs < 300 });
  return checks;
}

export const verdict = (c: TargetCheck): string => (c.pass === null ? 'n/a' : c.pass ? 'PASS' : 'FAIL');
