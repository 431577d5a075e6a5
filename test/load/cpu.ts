// CPU time of the servers under load: this process (the gateways and the peer run in it; the load
// generator runs in a child) and the PostgreSQL cluster (the postmaster and its children, read
// from /proc — Linux only; elsewhere the PostgreSQL column stays empty).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import type pg from 'pg';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number | string): string[] | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

export interface CpuProbe {
  /** CPU milliseconds so far: this process, and the PostgreSQL cluster (NaN when unknown). */
  sample(): { node: number; postgres: number };
}

export async function cpuProbe(admin: pg.ClientBase): Promise<CpuProbe> {
  const backend = (await admin.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  // fields[1] is the parent pid (state, ppid, …): a backend's parent is the postmaster.
  const postmaster = Number(statFields(backend)?.[1] ?? NaN);
  const postgres = (): number => {
    if (!Number.isFinite(postmaster)) return NaN;
    const own = statFields(postmaster);
    if (!own) return NaN;
    // utime, stime, cutime, cstime are fields 14–17 of stat, 11–14 here; cutime/cstime hold the
    // backends that have exited, the live children are added one by one.
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const f = statFields(entry);
      if (f && Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
    }
    return (ticks * 1000) / ticksPerSecond;
  };
  return {
    sample() {
      const u = process.cpuUsage();
      return { node: (u.user + u.system) / 1000, postgres: postgres() };
    },
  };
}
