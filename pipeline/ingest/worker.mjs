// Piscina loads plain JS. When the CLI runs from its esbuild bundle (bin/loadCli.mjs), the worker comes from
// the same bundle; otherwise each worker thread compiles the TS worker module through tsx's API (cached on
// disk, so only the first start pays).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const bundle = process.env.SFE_BUNDLE_DIR;
const mod = bundle
  ? await import(pathToFileURL(join(bundle, 'worker.js')).href)
  : await (await import('tsx/esm/api')).tsImport('./worker.ts', import.meta.url);
export default mod.default;
