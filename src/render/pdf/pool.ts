import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { userError } from '../../errors.js';
import type { Problem } from '../../network/spec.js';
import type { PdfOptions } from './markdown-pdf.js';
import type { PdfJob, PdfJobResult, SolutionSources } from './worker.js';

/**
 * Worker threads that write PDFs in parallel, for batches of documents. Each worker keeps
 * its own MathJax and formula caches, so a batch is spread round-robin to keep them warm.
 */
export class PdfPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (result: { pdf: Buffer; sources?: SolutionSources }) => void; reject: (error: unknown) => void }>();
  private nextId = 0;

  constructor(size = Math.max(1, Math.min(availableParallelism(), 4))) {
    this.workers = Array.from({ length: size }, () => startWorker());
    for (const worker of this.workers) {
      worker.on('message', (result: PdfJobResult) => this.settle(result));
      worker.on('error', (error) => this.failAll(error));
    }
  }

  /** Render Markdown (with its images) to PDF in a worker. */
  async render(markdown: string, options: PdfOptions): Promise<Buffer> {
    const images = options.images === undefined ? undefined : [...options.images];
    return (await this.submit((id) => ({ id, markdown, options: { ...options, images } }))).pdf;
  }

  /** Derive a problem's worked solution and render it to PDF, all in a worker. */
  async renderSolution(problem: Problem, options: Omit<PdfOptions, 'images'>): Promise<Buffer> {
    return (await this.submit((id) => ({ id, problem, options, withSources: false }))).pdf;
  }

  /** Like renderSolution, and also return the solution's Markdown and images, to be written beside the PDF. */
  async solutionDocuments(problem: Problem, options: Omit<PdfOptions, 'images'>): Promise<{ pdf: Buffer } & SolutionSources> {
    const { pdf, sources } = await this.submit((id) => ({ id, problem, options, withSources: true }));
    if (sources === undefined) throw new Error('PDF worker returned no sources');
    return { pdf, ...sources };
  }

  private submit(makeJob: (id: number) => PdfJob): Promise<{ pdf: Buffer; sources?: SolutionSources }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage(makeJob(id));
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(result: PdfJobResult): void {
    const waiting = this.pending.get(result.id);
    if (waiting === undefined) return;
    this.pending.delete(result.id);
    if ('pdf' in result) {
      const pdf = Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength);
      waiting.resolve(result.sources === undefined ? { pdf } : { pdf, sources: result.sources });
    }
    else if ('userError' in result) waiting.reject(userError(result.userError.es, result.userError.en));
    else waiting.reject(new Error(`PDF worker failed: ${result.error}`));
  }

  private failAll(error: unknown): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * Start a worker on the compiled worker.js, or on worker.ts through tsx when running from
 * source (tests and benchmarks). A larger young generation halves the time spent in
 * garbage collection, because layout allocates many short-lived objects.
 */
function startWorker(): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: 64 };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { resourceLimits });

  // From source, register tsx (a development dependency) inside the worker first.
  const source = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}
