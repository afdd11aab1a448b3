// A thin streaming-XML walker over saxes: local names (namespace prefixes dropped, as some writers
// prefix every element), attributes as plain strings, and decoded text.
import { SaxesParser } from 'saxes';
import { ReadError } from '../ReadError.ts';

export interface XmlHandlers {
  open?(name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** Thrown by a handler that has seen all it needs: parsing stops, no error. */
export const STOP = Symbol('stop-parsing');

export function walkXml(xml: Buffer | string, part: string, h: XmlHandlers): void {
  const p = new SaxesParser({ xmlns: false });
  p.on('error', (e) => {
    throw new ReadError('file/corrupt-zip', `文件内容已损坏（${part}：${e.message}），请重新保存后报送。`);
  });
  if (h.open) {
    const open = h.open;
    p.on('opentag', (t) => open(local(t.name), t.attributes as Record<string, string>, t.isSelfClosing));
  }
  if (h.close) {
    const close = h.close;
    p.on('closetag', (t) => close(local(t.name)));
  }
  if (h.text) {
    p.on('text', h.text);
    p.on('cdata', h.text);
  }
  try {
    p.write(typeof xml === 'string' ? xml : xml.toString('utf8')).close();
  } catch (e) {
    if (e !== STOP) throw e;
  }
}

/** The attribute whatever its prefix (r:id, relationships:id …). */
export function attr(attrs: Readonly<Record<string, string>>, localName: string): string | undefined {
  if (attrs[localName] !== undefined) return attrs[localName];
  for (const [k, v] of Object.entries(attrs)) if (k.endsWith(`:${localName}`)) return v;
  return undefined;
}
