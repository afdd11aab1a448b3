// functions.json is generated from the JSDoc of addin/functions/*.ts by custom-functions-metadata, never
// written by hand; the zh-CN variant renames functions and parameters by id (names.zh.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { z } from 'zod';
import { FUNCTION_NAMES_ZH, PARAMETER_NAMES_ZH } from './functions/names.zh.ts';

const Parameter = z.looseObject({ name: z.string(), description: z.string().optional(), type: z.string(), dimensionality: z.string().optional(), optional: z.boolean().optional() });
const Fn = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  parameters: z.array(Parameter),
  result: z.looseObject({ type: z.string().optional(), dimensionality: z.string().optional() }).optional(),
});
export const MetadataSchema = z.looseObject({ functions: z.array(Fn) });
export type FunctionMetadata = z.infer<typeof Fn>;
export type Metadata = z.infer<typeof MetadataSchema>;

export interface Association {
  readonly sourceFileName: string;
  readonly functionName: string;
  readonly id: string;
}

export const FUNCTIONS_DIR = new URL('./functions/', import.meta.url);

/** The source files that declare worksheet functions. */
export function functionSourceFiles(dir: string = FUNCTIONS_DIR.pathname): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f))
    .filter((f) => readFileSync(f, 'utf8').includes('@customfunction'))
    .sort();
}

export class MetadataError extends Error {
  readonly code = 'addin/functions-metadata';
}

export async function generateMetadata(files: readonly string[] = functionSourceFiles()): Promise<{ metadata: Metadata; associations: Association[] }> {
  const r = await generateCustomFunctionsMetadata([...files]);
  if (r.errors.length > 0) throw new MetadataError(`自定义函数的 JSDoc 有误：\n${r.errors.join('\n')}`);
  const metadata = MetadataSchema.parse(JSON.parse(r.metadataJson));
  return { metadata, associations: r.associate.map((a) => ({ sourceFileName: a.sourceFileName, functionName: a.functionName, id: a.id })) };
}

/** The zh-CN metadata: same ids, Chinese function and parameter names. Every function must have one. */
export function localiseMetadata(m: Metadata): Metadata {
  const missing = m.functions.filter((f) => !FUNCTION_NAMES_ZH[f.id]).map((f) => f.id);
  const unknown = Object.keys(FUNCTION_NAMES_ZH).filter((id) => !m.functions.some((f) => f.id === id));
  const params = m.functions.flatMap((f) => f.parameters.map((p) => p.name)).filter((p) => !PARAMETER_NAMES_ZH[p]);
  if (missing.length || unknown.length || params.length) {
    throw new MetadataError(`中文函数名表与函数不一致：缺少 ${missing.join(',') || '无'}；多余 ${unknown.join(',') || '无'}；缺少参数名 ${[...new Set(params)].join(',') || '无'}`);
  }
  return {
    ...m,
    functions: m.functions.map((f) => ({
      ...f,
      name: FUNCTION_NAMES_ZH[f.id] ?? f.name,
      parameters: f.parameters.map((p) => ({ ...p, name: PARAMETER_NAMES_ZH[p.name] ?? p.name })),
    })),
  };
}
