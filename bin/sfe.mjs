#!/usr/bin/env node
// Entry point of the `sfe` CLI. The sources are TypeScript; tsx compiles them on the fly (and caches),
// so `npm install` is the only step before the CLI works.
import { tsImport } from 'tsx/esm/api';

// `sfe … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const { main } = await tsImport('../pipeline/cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
