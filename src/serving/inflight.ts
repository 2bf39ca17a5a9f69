/** Tracks handlers under way, so a shutdown can let in-flight replies finish. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Number of handlers under way. */
  get size(): number {
    return this.running.size;
  }

  /** Runs `work`, remembering it until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }

  /** Resolves when everything under way has settled, or after `timeoutMs`, whichever is first. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.running]).then(() => undefined), timeout]);
    clearTimeout(timer);
  }
}
