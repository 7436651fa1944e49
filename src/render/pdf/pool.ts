import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { userError } from '../../errors.js';
import type { Problem } from '../../network/spec.js';
import type { PdfJob, PdfJobResult } from './jobs.js';
import type { PdfOptions } from './markdown-pdf.js';

/** V8 heap limits of a worker, in MB. */
export interface WorkerLimits {
  readonly maxYoungGenerationSizeMb: number;
  readonly maxOldGenerationSizeMb: number | undefined;
}

const batchLimits: WorkerLimits = { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 96 };

export interface PoolOptions {
  /** Number of worker threads (by default one per core, at most 4). */
  readonly size?: number;
  readonly limits?: WorkerLimits;
}

interface Waiting {
  readonly job: PdfJob;
  /** Set when the job already ran out of memory once, in a worker with the batch's memory limit. */
  readonly retried?: boolean;
  readonly resolve: (pdf: Buffer) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Worker threads that write PDFs in parallel, for batches of documents. Jobs wait in one
 * queue and each worker takes the next as soon as it is done, so long and short documents
 * spread evenly and only a few jobs are in flight at a time. Each worker keeps its own
 * MathJax and formula caches.
 */
export class PdfPool {
  private readonly workers: Worker[];
  private readonly queue: Waiting[] = [];
  private readonly running = new Map<number, { readonly worker: Worker; readonly waiting: Waiting }>();
  private readonly idle: Worker[];
  private readonly limits: WorkerLimits;
  private nextId = 0;

  constructor(options: PoolOptions = {}) {
    const size = Math.max(1, options.size ?? Math.min(availableParallelism(), 4));
    this.limits = options.limits ?? batchLimits;
    this.workers = Array.from({ length: size }, () => this.start(true));
    this.idle = [...this.workers];
  }

  /** Number of workers. */
  get size(): number {
    return this.workers.length;
  }

  /** Render Markdown (with its images) to PDF. */
  render(markdown: string, options: PdfOptions): Promise<Buffer> {
    const images = options.images === undefined ? undefined : [...options.images];
    return this.submit({ id: this.nextId++, markdown, options: { ...options, images } });
  }

  /** Derive a problem's worked solution and render it to PDF, both where the job runs. */
  renderSolution(problem: Problem, options: Omit<PdfOptions, 'images'>): Promise<Buffer> {
    return this.submit({ id: this.nextId++, problem, options });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private start(limited: boolean): Worker {
    const worker = startWorker(limited ? this.limits : { ...this.limits, maxOldGenerationSizeMb: undefined });
    worker.on('message', (result: PdfJobResult) => this.settle(worker, result));
    worker.on('error', (error) => this.crashed(worker, error));
    return worker;
  }

  private submit(job: PdfJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const waiting = this.queue.shift()!;
      this.running.set(waiting.job.id, { worker, waiting });
      worker.postMessage(waiting.job);
    }
  }

  private settle(worker: Worker, result: PdfJobResult): void {
    const entry = this.running.get(result.id);
    this.idle.push(worker);
    if (entry !== undefined) {
      this.running.delete(result.id);
      const { waiting } = entry;
      if ('pdf' in result) waiting.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
      else if ('userError' in result) waiting.reject(userError(result.userError.es, result.userError.en));
      else waiting.reject(new Error(`PDF worker failed: ${result.error}`));
    }
    this.dispatch();
  }

  /**
   * Replace a worker that died. Its job fails, unless it ran out of memory under the
   * batch's limit: then it runs again, once, in a worker without the limit. Either way a
   * new worker takes the dead one's place and the rest of the batch goes on.
   */
  private crashed(worker: Worker, error: unknown): void {
    const index = this.workers.indexOf(worker);
    const entry = [...this.running.entries()].find(([, running]) => running.worker === worker);
    const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    const retry = entry !== undefined && outOfMemory && entry[1].waiting.retried !== true;
    // After running out of memory, this slot goes on without the cap.
    const replacement = this.start(!outOfMemory);
    if (index >= 0) this.workers[index] = replacement;
    this.idle.push(replacement);
    if (entry !== undefined) {
      this.running.delete(entry[0]);
      if (retry) this.queue.unshift({ ...entry[1].waiting, retried: true });
      else entry[1].waiting.reject(error);
    }
    this.dispatch();
  }
}

/**
 * Start a worker on the compiled worker.js, or on worker.ts through tsx when running from
 * source (tests and benchmarks). A large young generation halves the time spent in garbage
 * collection, because layout allocates many short-lived objects. The old generation is
 * capped so that a batch of hundreds of PDFs stays under 500 MB with two workers;
 * bench/RESULTS.md gives the trade-off between these limits and speed. A document that
 * needs more is rendered again in a worker without the cap.
 */
function startWorker(limits: WorkerLimits): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb, ...(limits.maxOldGenerationSizeMb !== undefined && { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb }) };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { resourceLimits });

  // From source, register tsx (a development dependency) inside the worker first.
  const source = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}
