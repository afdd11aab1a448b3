// Which of an enterprise's returns is current: the newest 填报日期, then the newest file time, then the
// latest ingested. Returns without a fill date rank below any dated one.

export interface ReturnRecord {
  readonly submissionId: number;
  readonly fileId: number;
  readonly fillDate: string | null;
  readonly mtimeMs: number;
}

export function compareReturns(a: ReturnRecord, b: ReturnRecord): number {
  if (a.fillDate !== b.fillDate) {
    if (a.fillDate === null) return -1;
    if (b.fillDate === null) return 1;
    return a.fillDate < b.fillDate ? -1 : 1;
  }
  if (a.mtimeMs !== b.mtimeMs) return a.mtimeMs - b.mtimeMs;
  return a.fileId - b.fileId;
}

export function currentOf(returns: readonly ReturnRecord[]): ReturnRecord | null {
  let best: ReturnRecord | null = null;
  for (const r of returns) if (best === null || compareReturns(r, best) > 0) best = r;
  return best;
}
