// Runs one child process and measures it from outside: wall clock from spawn to exit, and the peak
// summed RSS of its process tree.
import { spawn } from 'node:child_process';
import { sampleRss } from './procTree.ts';

export interface ChildRun {
  readonly code: number | null;
  readonly seconds: number;
  readonly peakRssMb: number;
  /** CPU seconds of the whole tree, and of its busiest thread. */
  readonly cpuSeconds: number;
  readonly busiestThreadSeconds: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runChild(args: readonly string[], cwd: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      reject(new Error(`could not start ${args.join(' ')}`));
      return;
    }
    const sampler = sampleRss(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ code, seconds, ...sampler.stop(), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Like runChild, but a non-zero exit is an error carrying the child's stderr. */
export async function runChildOk(args: readonly string[], cwd: string): Promise<ChildRun> {
  const r = await runChild(args, cwd);
  if (r.code !== 0) throw new Error(`${args.join(' ')} exited with ${r.code}:\n${r.stderr.slice(-4000)}`);
  return r;
}
