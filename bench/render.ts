// One run as Markdown: the machine, the table side by side, and the verdict per target.
import type { Machine } from './machine.ts';
import { verdict, type Measurements, type TargetCheck } from './targets.ts';

export interface Cpu {
  /** CPU seconds of the process tree, and of its busiest thread. */
  readonly total: number;
  readonly busiest: number;
}

export interface RunRows {
  readonly exceljs: { readonly seconds: number; readonly wall: number; readonly peakRssMb: number; readonly failed: number; readonly cpu: Cpu };
  readonly ingest1: { readonly wall: number; readonly inside: number; readonly cpu: Cpu };
  readonly ingest2: { readonly wall: number; readonly inside: number; readonly cpu: Cpu };
  readonly evaluatePeakRssMb: number;
  readonly evaluateRuns: number;
  readonly report: { readonly seconds: number; readonly peakRssMb: number };
  readonly outcomes: Readonly<Record<string, number>>;
  readonly currentEnterprises: number;
}

export interface RunForRender {
  readonly date: string;
  readonly machine: Machine;
  /** 1-minute load averages before and after each step. */
  readonly loads: readonly number[];
  readonly m: Measurements;
  readonly checks: readonly TargetCheck[];
  readonly rows: RunRows;
}

const n0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const f1 = (x: number): string => x.toFixed(1);
/** CPU seconds, busiest thread's share, and how many cores the run kept busy on average. */
const cpuCell = (c: Cpu, wall: number): string => `${f1(c.total)} (${f1(c.busiest)}) | ${(c.total / wall).toFixed(2)}`;

export function renderRun(r: RunForRender): string {
  const { m, rows, machine: mc } = r;
  const sampleNote = m.exceljs.sampled ? ` (fixed random sample of ${n0(m.exceljs.files)} of the ${n0(m.files)} files)` : '';
  const lines = [
    `## ${r.date} UTC — n = ${n0(m.n)} enterprises, ${n0(m.files)} files`,
    '',
    `Machine: ${mc.cpuCount} CPUs (${mc.cpuModel}), ${mc.memoryGb} GB RAM, Node ${mc.node}. ` +
      `1-minute load average during the run: ${Math.min(...r.loads).toFixed(2)}–${Math.max(...r.loads).toFixed(2)} (sampled between steps).`,
    '',
    '| measurement | files | wall s | files/s | peak RSS MB | CPU s (busiest thread) | cores busy |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| bare ExcelJS \`load\`, one process${sampleNote} | ${n0(m.exceljs.files)} | ${f1(rows.exceljs.seconds)} | ${f1(m.exceljs.filesPerSecond)} | ${n0(rows.exceljs.peakRssMb)} | ${cpuCell(rows.exceljs.cpu, rows.exceljs.wall)} |`,
    `| \`sfe ingest --workers 1\` (in-process ${f1(rows.ingest1.inside)} s) | ${n0(m.files)} | ${f1(rows.ingest1.wall)} | ${f1(m.ingest1.filesPerSecond)} | ${n0(m.ingest1.peakRssMb)} | ${cpuCell(rows.ingest1.cpu, rows.ingest1.wall)} |`,
    `| \`sfe ingest --workers 2\` (in-process ${f1(rows.ingest2.inside)} s) | ${n0(m.files)} | ${f1(rows.ingest2.wall)} | ${f1(m.ingest2.filesPerSecond)} | ${n0(m.ingest2.peakRssMb)} | ${cpuCell(rows.ingest2.cpu, rows.ingest2.wall)} |`,
    `| \`sfe evaluate\` of one workbook, median of ${rows.evaluateRuns} | 1 | ${(m.evaluateMedianMs / 1000).toFixed(3)} | | ${n0(rows.evaluatePeakRssMb)} | | |`,
    `| \`sfe report\` on the 2-worker database | | ${f1(rows.report.seconds)} | | ${n0(rows.report.peakRssMb)} | | |`,
    '',
    `Wall s and files/s are measured from outside, spawn to exit (start-up included); "in-process" is the ingest's own` +
      ` timer. Peak RSS is the summed VmRSS of the process and its descendants, sampled every 100 ms; CPU s is` +
      ` the utime + stime of all their threads (cores busy = CPU s / wall s; the ExcelJS row includes its process start-up).` +
      ` ExcelJS failures: ${rows.exceljs.failed}. Ingest outcomes: ${Object.entries(rows.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')};` +
      ` ${n0(rows.currentEnterprises)} current enterprises.`,
    '',
    '| target | wanted | got | verdict |',
    '|---|---|---|---|',
    ...r.checks.map((c) => `| ${c.name} | ${c.want} | ${c.got} | ${verdict(c)} |`),
    '',
  ];
  return lines.join('\n');
}
