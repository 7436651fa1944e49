import { parentPort } from 'node:worker_threads';
import { UserError } from '../../errors.js';
import type { Problem } from '../../network/spec.js';
import { markdownToPdf, type PdfOptions } from './markdown-pdf.js';

/**
 * A PDF job sent to a worker: Markdown with its options and images, or a problem whose
 * worked solution the worker derives and renders itself (so that derivation runs in
 * parallel too).
 */
export type PdfJob =
  | { readonly id: number; readonly markdown: string; readonly options: Omit<PdfOptions, 'images'> & { readonly images?: [string, string][] } }
  | { readonly id: number; readonly problem: Problem; readonly options: Omit<PdfOptions, 'images'>; readonly withSources: boolean };

/** A worked solution's Markdown and images, sent back with its PDF when asked for. */
export interface SolutionSources {
  readonly markdown: string;
  readonly images: [string, string][];
}

export type PdfJobResult =
  | { readonly id: number; readonly pdf: Uint8Array; readonly sources?: SolutionSources }
  | { readonly id: number; readonly userError: { readonly es: string; readonly en: string } }
  | { readonly id: number; readonly error: string };

parentPort?.on('message', (job: PdfJob) => {
  run(job).then(
    ({ pdf, sources }) => parentPort!.postMessage({ id: job.id, pdf, ...(sources && { sources }) } satisfies PdfJobResult, [pdf.buffer as ArrayBuffer]),
    (error: unknown) => {
      const result: PdfJobResult =
        error instanceof UserError
          ? { id: job.id, userError: { es: error.messageIn('es'), en: error.messageIn('en') } }
          : { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      parentPort!.postMessage(result);
    },
  );
});

async function run(job: PdfJob): Promise<{ pdf: Buffer; sources?: SolutionSources }> {
  if ('markdown' in job) return { pdf: await markdownToPdf(job.markdown, { ...job.options, images: new Map(job.options.images ?? []) }) };

  // Loaded only for this kind of job: the symbolic engine (mathjs) takes about 85 MB, which
  // a worker that only lays out Markdown does not need.
  const [{ derive }, { solutionMarkdown }, { solutionImages }] = await Promise.all([
    import('../../derivation/derive.js'),
    import('../markdown.js'),
    import('../images.js'),
  ]);
  const derivation = derive(job.problem);
  const markdown = solutionMarkdown(derivation, { lang: job.options.lang, format: job.problem.display });
  const images = solutionImages(derivation, job.problem.display);
  const pdf = await markdownToPdf(markdown, { ...job.options, images });
  return job.withSources ? { pdf, sources: { markdown, images: [...images] } } : { pdf };
}
