import pidusage from 'pidusage';

export interface PidUsage {
  pid: number;
  /** Percent of one core (0..100 x cores). */
  cpu: number;
  rssBytes: number;
}

/**
 * Samples CPU and RSS of a set of processes with pidusage. A pid that has
 * gone (a worker that died between two samples) is left out of that sample,
 * not an error. `close()` clears pidusage's history timer so the process can
 * exit.
 */
export class PidSampler {
  readonly #pids = new Set<number>();
  /** Pids sampled before: pidusage has their previous reading. */
  readonly #seen = new Set<number>();

  add(pid: number): void {
    this.#pids.add(pid);
  }

  remove(pid: number): void {
    this.#pids.delete(pid);
    this.#seen.delete(pid);
  }

  get pids(): number[] {
    return [...this.#pids];
  }

  async sample(): Promise<Map<number, PidUsage>> {
    const pids = this.pids;
    // One call per pid: pidusage rejects a whole array when one pid is missing.
    const settled = await Promise.allSettled(pids.map((pid) => pidusage(pid)));
    const out = new Map<number, PidUsage>();
    settled.forEach((r, i) => {
      if (r.status !== 'fulfilled') return;
      const pid = pids[i]!;
      // pidusage's first reading of a pid has nothing to diff against and
      // says 0% (a worker busy since its start read 0, then 98): use the
      // CPU time over the process's life instead.
      const first = !this.#seen.has(pid);
      this.#seen.add(pid);
      const cpu = first ? (r.value.elapsed > 0 ? (100 * r.value.ctime) / r.value.elapsed : 0) : r.value.cpu;
      out.set(pid, { pid, cpu, rssBytes: r.value.memory });
    });
    return out;
  }

  close(): void {
    this.#pids.clear();
    this.#seen.clear();
    pidusage.clear();
  }
}
