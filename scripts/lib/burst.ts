import { readFileSync } from 'node:fs';

/**
 * The three shapes `npm run load` sends a burst of interactions in, whatever carries them (the
 * gateway or HTTP): each send resolves with the ms until its answer arrived.
 */

/** Sends one prepared interaction; resolves with the ms until it was answered. */
export type Send<P> = (payload: P) => Promise<number>;

export interface Shape {
  name: string;
  run<P>(payloads: readonly P[], send: Send<P>): Promise<number[]>;
}

/** `users` users at once, each sending their next interaction as soon as the last is answered. */
export function eachUserInTurn(users: number): Shape {
  return {
    name: `${users} users at once, each sending the next as soon as the last is answered`,
    async run(payloads, send) {
      const ms: number[] = [];
      await Promise.all(
        Array.from({ length: users }, async (_, u) => {
          for (let i = u; i < payloads.length; i += users) {
            const payload = payloads[i];
            if (payload !== undefined) ms.push(await send(payload));
          }
        }),
      );
      return ms;
    },
  };
}

/** Open arrivals, `perSecond` a second whatever the server does (Infinity: all in one go). */
export function arriving(perSecond: number): Shape {
  return {
    name: Number.isFinite(perSecond) ? `${perSecond} a second` : 'all at once',
    async run(payloads, send) {
      const pending: Promise<number>[] = [];
      const started = performance.now();
      for (const [i, payload] of payloads.entries()) {
        const wait = started + (i * 1000) / perSecond - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        pending.push(send(payload));
      }
      return Promise.all(pending);
    },
  };
}

/** The burst shapes, in the order they are run. */
export function burstShapes(users: number): Shape[] {
  return [eachUserInTurn(users), arriving(250), arriving(Number.POSITIVE_INFINITY)];
}

/** CPU time (user + system) a process has used, in ms (the kernel counts in 10 ms ticks); 0 once gone. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** A process's resident memory now and at its peak, in MB. */
export function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}
