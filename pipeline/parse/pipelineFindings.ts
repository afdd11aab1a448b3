// Findings the pipeline adds beyond the core's (they need the workbook or other files to decide).
import type { Params, Severity } from '../../core/index.ts';

export type PipelineFindingCode = 'result/cached-mismatch' | 'identity/name-conflict' | 'cell/not-located';

export const PIPELINE_FINDING_LABELS_ZH: Readonly<Record<PipelineFindingCode, string>> = {
  'result/cached-mismatch': '工作簿显示的结果与重新计算不一致',
  'identity/name-conflict': '同一信用代码申报了不同企业名称',
  'cell/not-located': '单元格无法定位',
};

const s = (v: unknown): string => (Array.isArray(v) ? v.join('、') : v === null || v === undefined ? '' : String(v));

export const PIPELINE_FINDING_MESSAGES_ZH: Readonly<Record<PipelineFindingCode, (p: Params) => string>> = {
  'result/cached-mismatch': (p) =>
    `工作簿中「${s(p.label)}」显示为「${s(p.cached)}」，按规则重新计算为「${s(p.computed)}」；以重新计算结果为准（可能是公式被改动或未重新计算）。`,
  'identity/name-conflict': (p) =>
    `统一社会信用代码 ${s(p.uscc)} 在其他文件中申报的企业名称为「${s(p.otherNames)}」，与本文件「${s(p.name)}」不一致，请核实。`,
  'cell/not-located': (p) => `模板中找不到「${s(p.field)}」对应的单元格，该项按未填写处理。`,
};

export const PIPELINE_FINDING_SEVERITY: Readonly<Record<PipelineFindingCode, Severity>> = {
  'result/cached-mismatch': 'warning',
  'identity/name-conflict': 'warning',
  'cell/not-located': 'warning',
};
