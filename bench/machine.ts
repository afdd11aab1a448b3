// What the numbers were measured on.
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  readonly cpuCount: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly node: string;
}

export const machine = (): Machine => ({
  cpuCount: cpus().length,
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
});

/** The 1-minute load average, rounded: how busy the machine was with other work. */
export const load1 = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

export const sameMachine = (a: Machine, b: Machine): boolean => a.cpuCount === b.cpuCount && a.cpuModel === b.cpuModel;
