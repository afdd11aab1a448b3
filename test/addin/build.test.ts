// Offline checks of the built add-in: the manifest (well-formed, schema order, resource ids, URLs that exist),
// functions.json generated from the JSDoc, and the functions bundle associating every id.
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin, packageVersion, REPO_ROOT, type BuildResult } from '../../addin/build.ts';
import { functionSourceFiles, MetadataSchema, type Metadata } from '../../addin/functionsMetadata.ts';
import { FUNCTION_NAMES_ZH } from '../../addin/functions/names.zh.ts';
import { band } from '../../addin/functions/indicators.ts';
import { DEFAULT_BASE_URL, generateManifest, parseBaseUrl } from '../../addin/manifest/generate.ts';
import { installCustomFunctions } from './support/customFunctions.ts';
import { child, parseXml, walk, type XmlElement } from './support/xmlTree.ts';

const BASE = 'https://sfe.example.gov.cn/addin';
let dir: string;
let result: BuildResult;
let manifest: XmlElement;
let metadata: Metadata;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sfe-addin-'));
  result = await buildAddin({ outDir: dir, baseUrl: `${BASE}/`, rootManifest: null });
  manifest = parseXml(readFileSync(join(dir, 'manifest.xml'), 'utf8'));
  metadata = MetadataSchema.parse(JSON.parse(readFileSync(join(dir, 'functions.json'), 'utf8')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = (el: XmlElement): string[] => el.children.map((c) => c.name);

/** Is `seq` in the order given by `order` (each name at most where the schema allows it)? */
function inOrder(seq: readonly string[], order: readonly string[]): boolean {
  const idx = seq.map((n) => order.indexOf(n));
  return idx.every((i) => i >= 0) && idx.every((i, k) => k === 0 || i >= (idx[k - 1] ?? 0));
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  it('is an Office 1.1 TaskPaneApp whose children follow the schema order', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    const order = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(inOrder(names(manifest), order)).toBe(true);
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'DefaultSettings', 'Permissions', 'VersionOverrides']) {
      expect(names(manifest)).toContain(required);
    }
    expect(child(manifest, 'Id')?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(manifest, 'Version')?.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const vo = child(manifest, 'VersionOverrides');
    expect(vo && names(vo)).toEqual(['Hosts', 'Resources']);
    const host = vo && child(vo, 'Hosts')?.children[0];
    expect(host && names(host)).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
    const desktop = host && child(host, 'DesktopFormFactor');
    expect(desktop && names(desktop)).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    const res = vo && child(vo, 'Resources');
    expect(res && names(res)).toEqual(['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
  });

  it('has a shared runtime hosting the custom functions and the pane', () => {
    const sets = [...walk(manifest)].filter((e) => e.name === 'Set').map((e) => e.attributes.Name);
    expect(sets).toContain('SharedRuntime');
    const runtime = [...walk(manifest)].find((e) => e.name === 'Runtime');
    expect(runtime?.attributes).toMatchObject({ resid: 'Taskpane.Url', lifetime: 'long' });
    const cf = [...walk(manifest)].find((e) => e.name === 'ExtensionPoint' && e.attributes['xsi:type'] === 'CustomFunctions');
    expect(cf && names(cf)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    const page = cf && child(cf, 'Page');
    expect(page && child(page, 'SourceLocation')?.attributes.resid).toBe('Taskpane.Url');
    expect([...walk(manifest)].find((e) => e.name === 'FunctionFile')?.attributes.resid).toBe('Taskpane.Url');
    const action = [...walk(manifest)].find((e) => e.name === 'Action');
    expect(action && child(action, 'SourceLocation')?.attributes.resid).toBe('Taskpane.Url');
    const ns = [...walk(manifest)].find((e) => e.name === 'bt:String' && e.attributes.id === cf?.children[3]?.attributes.resid);
    expect(ns?.attributes.DefaultValue).toBe('SFE');
    expect((ns?.attributes.DefaultValue ?? '').length).toBeLessThanOrEqual(32);
  });

  it('defines every resource id it references, once', () => {
    const defined = [...walk(manifest)].filter((e) => ['bt:Image', 'bt:Url', 'bt:String'].includes(e.name) && e.attributes.id).map((e) => e.attributes.id ?? '');
    expect(new Set(defined).size).toBe(defined.length);
    const referenced = [...walk(manifest)].map((e) => e.attributes.resid).filter((r): r is string => r !== undefined);
    expect(referenced.length).toBeGreaterThan(10);
    for (const r of referenced) expect(defined).toContain(r);
  });

  it('points every URL into the build output, and each file exists', () => {
    const urls = [...walk(manifest)].flatMap((e) => [e.attributes.DefaultValue, e.attributes.Value]).filter((v): v is string => v?.startsWith('http') === true);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) {
      expect(u.startsWith(`${BASE}/`)).toBe(true);
      const path = new URL(u).pathname.slice(new URL(BASE).pathname.length + 1);
      expect(existsSync(join(dir, path)), path).toBe(true);
    }
    const meta = [...walk(manifest)].find((e) => e.name === 'bt:Url' && e.attributes.id === 'Functions.Metadata.Url');
    expect(meta?.attributes.DefaultValue).toContain(`functions.json?v=${packageVersion()}`);
    expect(meta && child(meta, 'bt:Override')?.attributes).toMatchObject({ Locale: 'zh-CN' });
  });

  it('has icons of the sizes it declares', () => {
    for (const img of [...walk(manifest)].filter((e) => e.name === 'bt:Image' && e.attributes.id)) {
      const size = Number(/(\d+)x\1/.exec(img.attributes.id ?? '')?.[1]);
      const file = join(dir, new URL(img.attributes.DefaultValue ?? '').pathname.replace('/addin/', ''));
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect(pngSize(join(dir, 'assets', 'icon-32.png')).width).toBe(32);
    expect(pngSize(join(dir, 'assets', 'icon-64.png')).width).toBe(64);
  });

  it('has Chinese names with English defaults', () => {
    for (const tag of ['DisplayName', 'Description']) {
      const el = child(manifest, tag);
      expect(el?.attributes.DefaultValue).toMatch(/^[\x20-\x7e]+$/);
      expect(el && child(el, 'Override')?.attributes).toMatchObject({ Locale: 'zh-CN' });
      expect(el && child(el, 'Override')?.attributes.Value).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('in the repository is the one built for the default host', () => {
    expect(readFileSync(join(REPO_ROOT, 'manifest.xml'), 'utf8')).toBe(generateManifest(DEFAULT_BASE_URL, packageVersion()));
  });

  it('refuses a base URL Office would not load', () => {
    for (const bad of ['http://example.com', 'https://example.com/?a=1', 'ftp://x', 'not a url']) expect(() => parseBaseUrl(bad)).toThrow(/加载项地址/);
    expect(parseBaseUrl('https://a.example/b/')).toBe('https://a.example/b');
  });
});

/** `@customfunction ID NAME` and `@param` names, read straight from the sources. */
function jsdocFunctions(): Map<string, { name: string; params: string[] }> {
  const out = new Map<string, { name: string; params: string[] }>();
  for (const file of functionSourceFiles()) {
    for (const block of readFileSync(file, 'utf8').match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      const m = /@customfunction\s+(\S+)\s+(\S+)/.exec(block);
      if (!m?.[1] || !m[2]) continue;
      const params = [...block.matchAll(/@param\s+\[?(\w+)\]?/g)].map((p) => p[1] ?? '');
      out.set(m[1], { name: m[2], params });
    }
  }
  return out;
}

describe('functions.json and the functions bundle', () => {
  it('functions.json matches the JSDoc of the sources', () => {
    const doc = jsdocFunctions();
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...doc.keys()].sort());
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Z0-9_.]+$/);
      expect(f.name).toBe(doc.get(f.id)?.name);
      expect(f.parameters.map((p) => p.name)).toEqual(doc.get(f.id)?.params);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('functions.zh-CN.json has the same ids and parameters under Chinese names', () => {
    const zh = MetadataSchema.parse(JSON.parse(readFileSync(join(dir, 'functions.zh-CN.json'), 'utf8')));
    expect(zh.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    for (const f of zh.functions) {
      expect(f.name).toBe(FUNCTION_NAMES_ZH[f.id]);
      expect(f.parameters.length).toBe(metadata.functions.find((x) => x.id === f.id)?.parameters.length);
    }
  });

  it('functions.js associates every id of functions.json with a working function', () => {
    const associated = installCustomFunctions();
    runInNewContext(readFileSync(join(dir, 'functions.js'), 'utf8'), { CustomFunctions: (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions, console });
    expect([...associated.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    const bundled = associated.get('BAND') as (level: unknown) => string;
    expect(bundled(3)).toBe(band(3));
    expect(result.functionIds).toHaveLength(metadata.functions.length);
  });

  it('the pane page loads office.js from the Office CDN and nothing else from outside', () => {
    const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
    const external = [...html.matchAll(/(?:src|href)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    for (const local of [...html.matchAll(/(?:src|href)="([^":]+?)(?:\?[^"]*)?"/g)].map((m) => m[1] ?? '')) expect(existsSync(join(dir, local)), local).toBe(true);
    for (const js of ['taskpane.js', 'functions.js']) expect(readFileSync(join(dir, js), 'utf8')).not.toMatch(/https?:\/\/(?!www\.w3\.org|appsforoffice\.microsoft\.com)[a-z0-9.-]+\.[a-z]{2,}\/[^\s"']*\.(js|json|css)/i);
  });

  it('never imports office-addin-debugging statically (it is optional)', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    expect(Object.keys(pkg.optionalDependencies ?? {})).toContain('office-addin-debugging');
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('office-addin-debugging');
    const files = readdirSync(join(REPO_ROOT, 'addin'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    for (const f of files) expect(readFileSync(join(REPO_ROOT, 'addin', f), 'utf8')).not.toMatch(/^import[^;]*['"]office-addin-(debugging|dev-certs)['"]/m);
  });
});
