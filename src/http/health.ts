/**
 * What `GET /healthz` reports: that the process serves, how much it serves and from which index,
 * for a load balancer or a container platform's health check.
 */
import type { IndexInfo } from '../serving/state.ts';

/** The body of a `/healthz` answer. */
export type HealthReport = {
  status: 'ok';
  /** Documents in the index: letters, statements, speeches, reports… */
  documents: number;
  /** The same count under its first name, kept for clients that read it. */
  letters: number;
  passages: number;
  indexBuiltAt: string;
  /** The process answering (one of `WORKERS`). */
  worker: number;
};

/** The `/healthz` report for the index `info` describes, answered by process `worker`. */
export function healthReport(info: IndexInfo, worker: number): HealthReport {
  return {
    status: 'ok',
    documents: info.letters,
    letters: info.letters,
    passages: info.passages,
    indexBuiltAt: info.builtAt.toISOString(),
    worker,
  };
}
