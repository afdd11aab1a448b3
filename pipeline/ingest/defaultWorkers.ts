// One thread is left for the writer (and the machine); a module of its own so the CLI can show the default
// without loading the pool and DuckDB.
import { cpus } from 'node:os';

export const defaultWorkers = (): number => Math.max(1, cpus().length - 1);
