import { readdirSync, readFileSync } from 'node:fs';

/** What a Linux process's /proc/<pid>/stat says of its parent, and its resident size. */
function statOf(pid: number): { parent: number; rssPages: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // The command name may hold spaces and brackets: the fields start after its last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), rssPages: Number(fields[21]) };
  } catch {
    return undefined; // It ended meanwhile.
  }
}

const PAGE_SIZE = 4096;

/** The memory a process and all its descendants hold (resident set size), in bytes. */
export function treeResidentBytes(root: number): number {
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => ({ pid: Number(name), stat: statOf(Number(name)) }));
  const inTree = new Set([root]);
  // Parents come before children seldom enough in /proc's order: go round until none is added.
  for (let added = true; added;) {
    added = false;
    for (const { pid, stat } of processes) {
      if (stat && !inTree.has(pid) && inTree.has(stat.parent)) {
        inTree.add(pid);
        added = true;
      }
    }
  }
  return processes
    .filter(({ pid }) => inTree.has(pid))
    .reduce((sum, { stat }) => sum + (stat?.rssPages ?? 0) * PAGE_SIZE, 0);
}

/** The Chromium that runs a profile: the process given its user data directory. */
export function browserProcessOf(userDataDir: string): number {
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (
        command.includes(`--user-data-dir=${userDataDir}`) &&
        !command.some((arg) => arg.startsWith('--type='))
      ) {
        return Number(name);
      }
    } catch {
      // It ended meanwhile.
    }
  }
  throw new Error(`No Chromium runs ${userDataDir}`);
}

/** Samples a process tree's memory until stopped; `peak` is the most it held. */
export function sampleMemory(root: number, everyMs = 100) {
  let peak = treeResidentBytes(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeResidentBytes(root));
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, treeResidentBytes(root));
    },
  };
}
