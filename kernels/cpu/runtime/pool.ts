import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { WORKER_SOURCE } from './worker-source.ts';

export interface JobResult {
  id: number;
  /** float64 from a float64 kernel. */
  x: Float32Array | Float64Array;
  fun: Float32Array | Float64Array;
  gradNorm: Float32Array | Float64Array;
  nit: Int32Array;
  status: Uint8Array;
}

/** What a worker reports between calls of a job's kernel. */
export interface JobProgress {
  finished: number;
  iteration: number;
}

interface Pending {
  job: Record<string, unknown> & { id: number };
  transfer: ArrayBuffer[];
  onProgress?: (p: JobProgress) => void;
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

/**
 * A fixed set of worker threads pulling jobs from one queue, so a block of starts that finishes
 * early frees its core for the next block. Workers are unref'd while idle: an idle pool never
 * keeps the process alive.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 0;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      w.on('message', (msg: JobResult & { error?: string; progress?: JobProgress }) => {
        if (msg.progress) this.busy.get(w)?.onProgress?.(msg.progress);
        else this.settle(w, msg);
      });
      w.on('error', (e) => this.fail(w, e));
      w.unref();
      this.idle.push(w);
    }
  }

  run(job: Record<string, unknown>, transfer: ArrayBuffer[] = [], onProgress?: (p: JobProgress) => void): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++, progress: !!onProgress }, transfer, onProgress, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.busy.set(w, p);
      w.ref();
      w.postMessage(p.job, p.transfer);
    }
  }

  private settle(w: Worker, msg: JobResult & { error?: string }): void {
    const p = this.busy.get(w);
    this.busy.delete(w);
    w.unref();
    this.idle.push(w);
    if (p) {
      if (msg.error) p.reject(new Error(`fused CPU worker failed: ${msg.error}`));
      else p.resolve(msg);
    }
    this.pump();
  }

  private fail(w: Worker, e: Error): void {
    const p = this.busy.get(w);
    this.busy.delete(w);
    p?.reject(e);
  }
}

let shared: WorkerPool | undefined;

/** The process-wide pool (grown on demand to `threads`; default: one worker per core). */
export function cpuPool(threads = availableParallelism()): WorkerPool {
  if (!shared || shared.size < threads) {
    void shared?.close();
    shared = new WorkerPool(threads);
  }
  return shared;
}

/** Ends the shared pool's threads (tests, benchmarks). */
export async function closeCpuPool(): Promise<void> {
  const p = shared;
  shared = undefined;
  await p?.close();
}
