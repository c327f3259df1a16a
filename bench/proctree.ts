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

/** Memory of a process tree now: the sum of resident sets, and of proportional set sizes. */
export interface TreeMemory {
  /** Sum of RSS: pages shared between processes (Chromium's renderers share most of theirs) count once per process. */
  rss: number;
  /** Sum of PSS: each shared page divided among the processes sharing it — what the tree takes from the machine. Null where /proc/<pid>/smaps_rollup is missing. */
  pss: number | null;
}

function pssBytes(pid: number): number | null {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function treeMemory(root: number): TreeMemory {
  const kids = children();
  let rss = 0;
  let pss = 0;
  let pssRead = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
      rss += Number(statm[1]) * 4096;
    } catch {
      continue;
    }
    // A zombie or a process that just ended has no smaps_rollup: it holds no memory to count.
    const p = pssBytes(pid);
    if (p !== null) {
      pss += p;
      pssRead++;
    }
    stack.push(...(kids.get(pid) ?? []));
  }
  return { rss, pss: pssRead > 0 ? pss : null };
}

/** Samples the tree every `intervalMs` until stopped; returns the peaks in bytes (PSS peak null where unavailable). */
export function samplePeak(root: number, intervalMs = 500): { stop: () => TreeMemory } {
  let peak: TreeMemory = { rss: 0, pss: 0 };
  const timer = setInterval(() => {
    const now = treeMemory(root);
    peak = { rss: Math.max(peak.rss, now.rss), pss: peak.pss === null || now.pss === null ? null : Math.max(peak.pss, now.pss) };
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
