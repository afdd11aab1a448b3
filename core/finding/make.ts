import type { Finding, FindingCode, Params, Severity, Unmet, UnmetCode, Where } from './Finding.ts';
import { FINDING_MESSAGES_ZH, UNMET_MESSAGES_ZH } from './messages.zh.ts';

export function makeFinding(
  code: FindingCode,
  severity: Severity,
  where: Where,
  params: Params,
  raw?: string | number | boolean | null,
): Finding {
  const f: Finding = { code, severity, where, params, message: FINDING_MESSAGES_ZH[code](params) };
  return raw === undefined ? f : { ...f, raw };
}

export function makeUnmet(code: UnmetCode, tier: string, blocking: boolean, params: Params): Unmet {
  return { code, tier, blocking, params, message: UNMET_MESSAGES_ZH[code](params) };
}
