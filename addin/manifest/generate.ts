// Writes the add-in manifest for one host: every URL in it comes from the base URL given here.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const DEFAULT_BASE_URL = 'https://localhost:3000';

const TEMPLATE = new URL('./manifest.template.xml', import.meta.url);

const BaseUrl = z
  .string()
  .trim()
  .transform((s) => s.replace(/\/+$/, ''))
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && u.search === '' && u.hash === '' && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'Office 只加载 HTTPS 地址的加载项：请给出形如 https://addin.example.gov.cn/sfe 的地址（不带查询参数）。');

export class BaseUrlError extends Error {
  readonly code = 'addin/bad-base-url';
}

/** Validated base URL without a trailing slash. */
export function parseBaseUrl(input: string): string {
  const r = BaseUrl.safeParse(input);
  if (!r.success) throw new BaseUrlError(`加载项地址「${input}」无效：${r.error.issues.map((i) => i.message).join('；')}`);
  return r.data;
}

const xmlAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The manifest's 4-part version from a semver ("0.1.0" → "0.1.0.0"). */
export function manifestVersion(semver: string): string {
  const parts = semver.split(/[.+-]/).slice(0, 3).map((p) => String(Number.parseInt(p, 10) || 0));
  while (parts.length < 3) parts.push('0');
  return [...parts, '0'].join('.');
}

export function generateManifest(baseUrl: string, packageVersion: string): string {
  const base = parseBaseUrl(baseUrl);
  return readFileSync(TEMPLATE, 'utf8')
    .replaceAll('{{BASE_URL}}', xmlAttr(base))
    .replaceAll('{{VERSION4}}', manifestVersion(packageVersion))
    .replaceAll('{{CACHE_KEY}}', encodeURIComponent(packageVersion));
}
