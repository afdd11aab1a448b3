// xl/sharedStrings.xml: plain and rich-text strings; phonetic runs (<rPh>) are not part of the value.
import { walkXml } from './sax.ts';

export function parseSharedStrings(xml: Buffer): string[] {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let cur = '';
  walkXml(xml, 'sharedStrings.xml', {
    open(name, _a, selfClosing) {
      if (name === 'si') {
        inSi = true;
        cur = '';
        if (selfClosing) {
          out.push('');
          inSi = false;
        }
      } else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && inSi && !selfClosing) inT = true;
    },
    text(t) {
      if (inT && phonetic === 0) cur += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si' && inSi) {
        out.push(cur);
        inSi = false;
      }
    },
  });
  return out;
}
