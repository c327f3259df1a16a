/** Peak resident memory of a process tree, sampled from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(name));
      map.set(ppid, list);
    } catch {
      // The process ended while we looked.
      continue;
    }
  }
  return map;
}

export function treeRssBytes(root: number): number {
  const kids = children();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
      total += Number(statm[1]) * 4096;
    } catch {
      continue;
    }
    stack.push(...(kids.get(pid) ?? []));
  }
  return total;
}

/** Samples the tree every `intervalMs` until stopped; returns the peak in bytes. */
export function samplePeak(root: number, intervalMs = 250): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(root));
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
