// Text clean-up shared by every normaliser: full-width forms to ASCII, stray and non-breaking spaces.

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Half-width, trimmed, inner runs of whitespace collapsed to one space. */
export function cleanText(s: string): string {
  return toHalfWidth(s).replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ').trim();
}

/** Whitespace only: trimmed, inner runs collapsed; full-width punctuation such as 「（）」 is kept (names use it). */
export function collapseSpaces(s: string): string {
  return s.replace(/[\s\u00A0\u200B\uFEFF\u3000]+/g, ' ').trim();
}

/** Like cleanText, but removes every space (codes, numbers). */
export function compactText(s: string): string {
  return cleanText(s).replace(/ /g, '');
}

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6 };

/** 「二」→2 for the single Chinese numerals a level or maturity may be written with. */
export function chineseDigit(ch: string): number | null {
  return CN_DIGITS[ch] ?? null;
}
