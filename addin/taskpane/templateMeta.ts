// How the pane recognises the official workbook: the hidden `_meta` sheet written by the template builder.
export const META_SHEET = '_meta';
/** A1:B3 of `_meta`: key in column A, value in column B. */
export const META_RANGE = 'A1:B3';
export const TEMPLATE_ID = 'sfe-jiangsu-smart-factory';
/** The template version whose defined names and rules this add-in implements. */
export const SUPPORTED_TEMPLATE_VERSION = '2025.1';

/** Compares dotted versions numerically ("2025.10" > "2025.9"); non-numeric parts compare as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
