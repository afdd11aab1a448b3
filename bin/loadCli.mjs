// Loads pipeline/cli.ts fast. Compiling ~200 TypeScript modules through tsx's loader hooks costs about half a
// second on every start, more than `sfe evaluate` itself; so the CLI is bundled once with esbuild (a
// dependency of tsx, so always installed) into node_modules/.cache/sfe-cli/, split per command so a command
// loads only what it uses, and rebuilt when any source file that went into it changes. Anything going
// wrong here falls back to running the sources through tsx, as before; SFE_NO_BUNDLE=1 forces that.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'sfe-cli');
const CURRENT = join(CACHE, 'current.json');
/** Bump when the build options below change, so old bundles are not reused. */
const FORMAT = 4;

/** [path relative to ROOT, mtimeMs, size] per input file. */
const stamp = (rel) => {
  const s = statSync(join(ROOT, rel));
  return [rel, s.mtimeMs, s.size];
};

function cachedBundle() {
  if (!existsSync(CURRENT)) return null;
  const current = JSON.parse(readFileSync(CURRENT, 'utf8'));
  if (current.format !== FORMAT || current.node !== process.version) return null;
  for (const [rel, mtimeMs, size] of current.inputs) {
    let now;
    try {
      now = stamp(rel);
    } catch {
      return null;
    }
    if (now[1] !== mtimeMs || now[2] !== size) return null;
  }
  const entry = join(CACHE, current.key, 'cli.js');
  return existsSync(entry) ? entry : null;
}

// Bundled code must see the same import.meta.url as the source file it came from: the worker pool, the
// committed template and ECharts are found relative to it.
const keepImportMeta = {
  name: 'keep-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (args) => {
      if (args.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const url = pathToFileURL(args.path).href;
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(url))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)));
      return { contents, loader: /\.m?ts$/.test(args.path) ? 'ts' : 'js', resolveDir: dirname(args.path) };
    });
  },
};

// Small pure-JS packages are bundled too (resolving and compiling zod's many ES modules on every start costs
// more than the work of `sfe evaluate`); these stay in node_modules and load from there when a command needs
// them: native code, files found relative to the package, or simply large.
const EXTERNAL = ['@duckdb/node-api', 'exceljs', 'echarts', 'piscina', 'tsx', 'esbuild'];
const isExternal = (spec) => spec.startsWith('node:') || EXTERNAL.some((p) => spec === p || spec.startsWith(`${p}/`));
const packagesExternal = {
  name: 'packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (isExternal(args.path) ? { path: args.path, external: true } : undefined));
  },
};

/** Bundles of sources long since edited; a day's grace for processes still loading chunks from them. */
function removeOldBundles(keep) {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(CACHE)) {
    const p = join(CACHE, name);
    if (name === keep || name === 'current.json' || name.startsWith('current.json.')) continue;
    try {
      if (statSync(p).mtimeMs < dayAgo) rmSync(p, { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

async function buildBundle() {
  const esbuild = await import('esbuild');
  const started = Date.now();
  mkdirSync(CACHE, { recursive: true });
  const tmp = join(CACHE, `tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { cli: 'pipeline/cli.ts', worker: 'pipeline/ingest/worker.ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: tmp,
      metafile: true,
      logLevel: 'silent',
      // Bundled CommonJS packages call require() for Node's built-ins.
      banner: { js: "import { createRequire as __sfeCreateRequire } from 'node:module'; const require = __sfeCreateRequire(import.meta.url);" },
      plugins: [packagesExternal, keepImportMeta],
    });
    const inputs = Object.keys(result.metafile.inputs).sort().map(stamp);
    const key = createHash('sha256').update(JSON.stringify([FORMAT, process.version, esbuild.version, inputs])).digest('hex').slice(0, 16);
    const dir = join(CACHE, key);
    // Another process may have built the same bundle meanwhile; either copy will do.
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true });
    }
    // A source saved while we were bundling may not be in this bundle: use it this once, do not record it.
    const settled = inputs.every(([, mtimeMs]) => mtimeMs < started - 1000);
    if (settled) {
      const next = `${CURRENT}.${process.pid}`;
      writeFileSync(next, JSON.stringify({ format: FORMAT, node: process.version, key, inputs }));
      renameSync(next, CURRENT);
    }
    removeOldBundles(key);
    return join(dir, 'cli.js');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The CLI module: `{ main }` from pipeline/cli.ts. */
export async function loadCli() {
  delete process.env.SFE_BUNDLE_DIR;
  if (process.env.SFE_NO_BUNDLE !== '1') {
    try {
      const entry = cachedBundle() ?? (await buildBundle());
      // Pool workers started by this process load the worker from the same bundle.
      process.env.SFE_BUNDLE_DIR = dirname(entry);
      return await import(pathToFileURL(entry).href);
    } catch {
      delete process.env.SFE_BUNDLE_DIR;
      // Fall through to the sources.
    }
  }
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(resolve(ROOT, 'pipeline/cli.ts'), import.meta.url);
}
