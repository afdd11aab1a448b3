// `npm run bench -- [--n 2000] [--seed 1]`: the pipeline's numbers against its targets, measured side by
// side on the same generated files, printed and appended to bench/RESULTS.md.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { ensureCorpus, sampleOf } from './corpus.ts';
import { load1, machine } from './machine.ts';
import { appendRun, recordedRuns } from './results.ts';
import { runChildOk } from './runChild.ts';
import { renderRun } from './render.ts';
import { checkTargets, verdict, type Measurements, type RecordedRun } from './targets.ts';
import { sameMachine } from './machine.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, 'bench', 'data');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const SFE = join(ROOT, 'bin', 'sfe.mjs');

const int = (min: number, max: number) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected an integer ${min}–${max}`);
  return n;
};

const program = new Command('bench')
  .option('--n <n>', 'enterprises to generate (files are ~5% more: resubmissions and copies)', int(1, 20_000), 2000)
  .option('--seed <seed>', 'corpus seed', int(0, 2 ** 31), 1)
  .option('--exceljs-max <n>', 'above this many files, the ExcelJS reference loads a fixed random sample of this size', int(100, 100_000), 5000)
  .option('--evaluate-runs <n>', 'timed `sfe evaluate` runs (after one warm-up)', int(1, 100), 10)
  .option('--wait-for-load <x>', 'first wait (up to 10 minutes) until the 1-minute load average is below x', (v: string) => Number(v))
  .option('--no-record', 'do not append to bench/RESULTS.md')
  .parse();
const opts = program.opts<{ n: number; seed: number; exceljsMax: number; evaluateRuns: number; waitForLoad?: number; record: boolean }>();

const say = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

const SummarySchema = z.object({
  filesFound: z.number(),
  seconds: z.number(),
  outcomes: z.record(z.string(), z.number()),
  currentEnterprises: z.number(),
});

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const loads: number[] = [];
const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
  say(`${name} … (load ${load1()})`);
  const r = await f();
  loads.push(load1());
  return r;
};

const corpus = await ensureCorpus(DATA, opts.n, opts.seed, say);

// Other work on the machine skews every number; when asked, wait for a quieter moment (but not forever).
if (opts.waitForLoad !== undefined) {
  const until = Date.now() + 10 * 60_000;
  while (load1() >= opts.waitForLoad && Date.now() < until) {
    say(`load ${load1()} ≥ ${opts.waitForLoad}, waiting …`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
}
loads.push(load1());
const work = join(DATA, 'run');
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });

// The reference: bare ExcelJS over every file (or a fixed sample when the corpus is large).
const sample = sampleOf(corpus.files, opts.exceljsMax, opts.seed);
const listFile = join(work, 'exceljs-files.txt');
await writeFile(listFile, sample.join('\n') + '\n');
const ref = await step(`bare ExcelJS load of ${sample.length} files`, () => runChildOk([join(ROOT, 'bench', 'exceljsLoad.mjs'), listFile], ROOT));
const refOut = z.object({ files: z.number(), failed: z.number(), seconds: z.number() }).parse(JSON.parse(ref.stdout));

// One CLI start before timing anything, so a first-run compile cache is not charged to the ingest.
await runChildOk([SFE, '--help'], ROOT);

const ingestRun = async (workers: number) => {
  const db = join(work, `ingest-${workers}.duckdb`);
  const r = await step(`sfe ingest --workers ${workers}`, () => runChildOk([SFE, 'ingest', corpus.returnsDir, '--db', db, '--workers', String(workers), '--json'], ROOT));
  const summary = SummarySchema.parse(JSON.parse(r.stdout));
  return { db, wall: r.seconds, peakRssMb: r.peakRssMb, cpu: { total: r.cpuSeconds, busiest: r.busiestThreadSeconds }, summary, filesPerSecond: summary.filesFound / r.seconds };
};
const ingest1 = await ingestRun(1);
const ingest2 = await ingestRun(2);
if (JSON.stringify(ingest1.summary.outcomes) !== JSON.stringify(ingest2.summary.outcomes)) {
  throw new Error(`1 and 2 workers disagree: ${JSON.stringify(ingest1.summary.outcomes)} vs ${JSON.stringify(ingest2.summary.outcomes)}`);
}

const evaluate = await step(`sfe evaluate × ${opts.evaluateRuns + 1}`, async () => {
  await runChildOk([SFE, 'evaluate', corpus.cleanWorkbook], ROOT);
  const runs = [];
  for (let i = 0; i < opts.evaluateRuns; i++) runs.push(await runChildOk([SFE, 'evaluate', corpus.cleanWorkbook], ROOT));
  return { medianMs: median(runs.map((r) => r.seconds * 1000)), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) };
});

const report = await step('sfe report', () => runChildOk([SFE, 'report', '--db', ingest2.db, '--out', join(work, 'report')], ROOT));

const m: Measurements = {
  n: opts.n,
  files: corpus.files.length,
  exceljs: { files: refOut.files, filesPerSecond: refOut.files / refOut.seconds, sampled: sample.length < corpus.files.length },
  ingest1: { filesPerSecond: ingest1.filesPerSecond, peakRssMb: ingest1.peakRssMb },
  ingest2: { filesPerSecond: ingest2.filesPerSecond, peakRssMb: ingest2.peakRssMb },
  evaluateMedianMs: evaluate.medianMs,
};
const here = machine();
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const previous = (await recordedRuns(RESULTS)).filter((r) => sameMachine(r.machine, here) && r.files !== m.files);
const other = previous[previous.length - 1] ?? null;
const checks = checkTargets(m, other);

const markdown = renderRun({
  date, machine: here, loads, m, checks,
  rows: {
    exceljs: { seconds: refOut.seconds, peakRssMb: ref.peakRssMb, failed: refOut.failed, cpu: { total: ref.cpuSeconds, busiest: ref.busiestThreadSeconds }, wall: ref.seconds },
    ingest1: { wall: ingest1.wall, inside: ingest1.summary.seconds, cpu: ingest1.cpu },
    ingest2: { wall: ingest2.wall, inside: ingest2.summary.seconds, cpu: ingest2.cpu },
    evaluatePeakRssMb: evaluate.peakRssMb,
    evaluateRuns: opts.evaluateRuns,
    report: { seconds: report.seconds, peakRssMb: report.peakRssMb },
    outcomes: ingest2.summary.outcomes,
    currentEnterprises: ingest2.summary.currentEnterprises,
  },
});
process.stdout.write(`${markdown}\n`);
for (const c of checks) process.stdout.write(`${verdict(c).padEnd(4)}  ${c.name}: ${c.got} (target ${c.want})\n`);

if (opts.record) {
  const run: RecordedRun = { date, machine: here, n: m.n, files: m.files, peakRssMb: Math.round(Math.max(m.ingest1.peakRssMb, m.ingest2.peakRssMb)) };
  await appendRun(RESULTS, markdown, run);
  say(`appended to ${RESULTS}`);
}
await rm(work, { recursive: true, force: true });
