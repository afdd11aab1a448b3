// 统一社会信用代码 (GB 32100-2015): 18 characters; the 18th is a check character over the first 17;
// characters 3–8 are the registering authority's GB/T 2260 division code.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem =
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'char'; readonly position: number; readonly char: string }
  | { readonly kind: 'check'; readonly expected: string; readonly actual: string };

/** The check character for the first 17 characters, or null if one of them is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET.charAt(c === 31 ? 0 : c);
}

/** Null when the code is well-formed with a correct check character. */
export function checkUscc(code: string): UsccProblem | null {
  if (code.length !== 18) return { kind: 'length', length: code.length };
  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    if (!USCC_ALPHABET.includes(ch)) return { kind: 'char', position: i + 1, char: ch };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) return { kind: 'check', expected: expected ?? '?', actual };
  return null;
}

/** The 6-digit division code inside a USCC (characters 3–8). */
export function usccDivision(code: string): string {
  return code.slice(2, 8);
}

/** Completes 17 characters with their check character (for generators and tests). */
export function withCheckChar(first17: string): string {
  const c = usccCheckChar(first17);
  if (c === null) throw new RangeError(`not a USCC prefix: ${first17}`);
  return first17 + c;
}
