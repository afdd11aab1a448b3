// Relationship parts (_rels/*.rels): id → target path resolved against the owning part's folder.
import { walkXml } from './sax.ts';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function resolvePath(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = baseDir ? baseDir.split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** `baseDir` is the folder of the part the rels belong to ("" for the package, "xl" for xl/workbook.xml). */
export function parseRels(xml: Buffer, baseDir: string): Relationship[] {
  const out: Relationship[] = [];
  walkXml(xml, 'rels', {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') {
        out.push({ id: a.Id, type: a.Type ?? '', target: resolvePath(baseDir, a.Target) });
      }
    },
  });
  return out;
}
