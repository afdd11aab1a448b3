// Peak resident memory and CPU time of a whole process tree (the sfe process, its worker threads, and any
// child processes such as esbuild's service), sampled from /proc the way `top` would see them.
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | null {
  try {
    // Field 4 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[1]);
  } catch {
    return null;
  }
}

function rssKb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The pid and all its descendants now. */
export function treeOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const ppid = parentOf(pid);
    if (ppid === null) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** utime + stime of every thread of a process, in clock ticks, by thread id. */
function threadTicks(pid: number, into: Map<string, number>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      into.set(`${pid}/${tid}`, Number(f[11]) + Number(f[12]));
    } catch {
      // The thread ended between listing and reading.
    }
  }
}

/** Linux reports CPU time in USER_HZ ticks, 100 per second on every mainstream kernel build. */
const TICKS_PER_SECOND = 100;

export interface TreeSample {
  /** Peak summed VmRSS, MB. */
  readonly peakRssMb: number;
  /** CPU seconds of all threads of the tree (as last seen; a thread's final ~100 ms may be missed). */
  readonly cpuSeconds: number;
  /** CPU seconds of the busiest single thread. */
  readonly busiestThreadSeconds: number;
}

export interface RssSampler {
  stop(): TreeSample;
}

/** Samples the tree's summed VmRSS and its threads' CPU time every `everyMs`; keeps the peak and the last. */
export function sampleRss(root: number, everyMs = 100): RssSampler {
  let peakKb = 0;
  const ticks = new Map<string, number>();
  const tick = (): void => {
    const pids = treeOf(root);
    peakKb = Math.max(peakKb, pids.reduce((sum, pid) => sum + rssKb(pid), 0));
    for (const pid of pids) threadTicks(pid, ticks);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      const all = [...ticks.values()];
      return {
        peakRssMb: peakKb / 1024,
        cpuSeconds: all.reduce((a, b) => a + b, 0) / TICKS_PER_SECOND,
        busiestThreadSeconds: Math.max(0, ...all) / TICKS_PER_SECOND,
      };
    },
  };
}
