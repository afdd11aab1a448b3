// Parse stage: a workbook reading → the template check, then the core's RawAnswers. zod guards the
// reading (it crosses a worker boundary) and the answers (the core's own schema).
import { z } from 'zod';
import { INPUT_FIELDS, RawAnswersSchema, rawAnswersFromFields, type RawAnswers } from '../../core/index.ts';
import { rawScalarOf, type CellReading } from '../read/CellReading.ts';
import { ReadError } from '../read/ReadError.ts';
import { isKnownVersion, TEMPLATE_ID } from '../read/templateInfo.ts';
import type { LocatedCell, WorkbookReading } from '../read/WorkbookReading.ts';

const Formula = { formula: z.boolean().optional() };
export const CellReadingSchema: z.ZodType<CellReading> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty'), ...Formula }),
  z.object({ kind: z.literal('number'), value: z.number(), ...Formula }),
  z.object({ kind: z.literal('text'), value: z.string(), ...Formula }),
  z.object({ kind: z.literal('date'), value: z.string().regex(/^\d{4}-\d{2}-\d{2}/), ...Formula }),
  z.object({ kind: z.literal('bool'), value: z.boolean(), ...Formula }),
  z.object({ kind: z.literal('error'), value: z.string(), ...Formula }),
  z.object({ kind: z.literal('formula-without-cache'), formula: z.literal(true) }),
]);

export interface ParsedWorkbook {
  readonly raw: RawAnswers;
  readonly templateVersion: string | null;
  readonly rulesetVersion: string | null;
  readonly locatedBy: 'defined-names' | 'cell-map';
}

/** Rejects what is not the official template (or a version this build cannot read). */
export function checkTemplate(reading: WorkbookReading): void {
  const { templateId, templateVersion } = reading.meta;
  const namedInputs = INPUT_FIELDS.filter((f) => reading.definedNames.has(f)).length;
  if (templateId !== null && templateId !== TEMPLATE_ID) {
    throw new ReadError('file/not-template', `该工作簿不是官方《江苏省智能工厂梯度建设自评价表》（模板标识「${templateId}」），请使用官方模板填写。`);
  }
  if (templateId === null && namedInputs === 0) {
    throw new ReadError('file/not-template', '该工作簿不是官方《江苏省智能工厂梯度建设自评价表》，请下载官方模板填写后报送。');
  }
  if (templateVersion !== null && !isKnownVersion(templateVersion)) {
    throw new ReadError('file/unknown-template-version', `模板版本「${templateVersion}」无法识别，请使用最新版官方模板重新填写。`);
  }
  if (templateVersion === null && namedInputs < INPUT_FIELDS.length) {
    throw new ReadError('file/unknown-template-version', '工作簿缺少模板版本信息，且部分单元格名称已丢失，无法定位填写内容；请使用官方模板重新填写。');
  }
  const located = [...reading.cells.values()].filter((c) => INPUT_FIELDS.includes(c.field) && c.location !== null).length;
  if (located === 0) {
    throw new ReadError('file/unknown-template-version', `模板版本「${templateVersion ?? '未知'}」的单元格位置未知，无法读取；请使用官方模板重新填写。`);
  }
}

export function parseWorkbook(reading: WorkbookReading): ParsedWorkbook {
  checkTemplate(reading);
  const get = (field: string): ReturnType<typeof rawScalarOf> => {
    const c = reading.cells.get(field);
    return c ? rawScalarOf(CellReadingSchema.parse(c.reading)) : null;
  };
  const raw = RawAnswersSchema.parse(rawAnswersFromFields(get));
  const inputs = [...reading.cells.values()].filter((c: LocatedCell) => INPUT_FIELDS.includes(c.field));
  return {
    raw,
    templateVersion: reading.meta.templateVersion,
    rulesetVersion: reading.meta.rulesetVersion,
    locatedBy: inputs.some((c) => c.locatedBy === 'cell-map') ? 'cell-map' : 'defined-names',
  };
}
