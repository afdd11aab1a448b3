// CSV files arrive as UTF-8 (with or without BOM, what 「CSV UTF-8」 writes) or GBK/GB18030 (what older
// Excel and WPS write on Chinese Windows). Strict UTF-8 first; anything that is not valid UTF-8 is GB18030.
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'gb18030';

export function decodeText(bytes: Buffer): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}
