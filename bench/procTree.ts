// Peak resident memory of a whole process tree (the sfe process, its worker threads, and any child
// processes such as esbuild's service), sampled from /proc the way `top` would see it.
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

export const treeRssKb = (root: number): number => treeOf(root).reduce((sum, pid) => sum + rssKb(pid), 0);

export interface RssSampler {
  /** Stops sampling; returns the peak in MB. */
  stop(): number;
}

/** Samples the tree's summed VmRSS every `everyMs` and keeps the maximum. */
export function sampleRss(root: number, everyMs = 100): RssSampler {
  let peakKb = 0;
  const tick = (): void => {
    peakKb = Math.max(peakKb, treeRssKb(root));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}
