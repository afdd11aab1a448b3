// Piscina loads plain JS; the pipeline is TypeScript run by tsx, so each worker thread compiles the TS
// worker module through tsx's API (cached on disk, so only the first start pays).
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport('./worker.ts', import.meta.url);
export default mod.default;
