// Number formatting for the page (the workbook keeps real numbers with number formats instead).

export const fmtInt = (n: number | null): string => (n === null ? '—' : n.toLocaleString('zh-CN'));

export const fmtNum = (n: number | null, digits = 1): string => (n === null ? '—' : n.toFixed(digits));

/** A share in [0, 1] as a percentage. */
export const fmtPct = (n: number | null, digits = 1): string => (n === null ? '—' : `${(n * 100).toFixed(digits)}%`);

export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
