#!/usr/bin/env node
// Entry point of the `sfe` CLI. The sources are TypeScript, bundled on first start (bin/loadCli.mjs) or run
// through tsx, so `npm install` is the only step before the CLI works.
import { loadCli } from './loadCli.mjs';

// `sfe … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
