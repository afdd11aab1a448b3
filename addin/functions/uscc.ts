// Worksheet function for the 统一社会信用代码 (GB 32100-2015) and its division code against the city.
import { FIELD, RULESET_2025, evaluateRaw } from '../../core/index.ts';
import { cell, joinMessages } from './args.ts';

/**
 * 核对统一社会信用代码：18位、字符集、第18位校验位；填写设区市时还核对登记机关行政区划。无问题时返回空文本。
 * @customfunction USCC USCC
 * @param code 统一社会信用代码
 * @param [city] 设区市（可选），如「苏州市」
 * @returns 空文本，或问题说明
 */
export function uscc(code: unknown, city?: unknown): string {
  const raw = { enterprise: { uscc: cell(code, '统一社会信用代码'), city: city === undefined ? null : cell(city, '设区市') } };
  const { evaluation } = evaluateRaw(raw, RULESET_2025);
  return joinMessages(evaluation.issues.filter((f) => f.where.field === FIELD.uscc || (city !== undefined && f.where.field === FIELD.city && f.code !== 'cell/required')));
}
