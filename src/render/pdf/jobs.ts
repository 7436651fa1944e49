import type { Problem } from '../../network/spec.js';
import { markdownToPdf, type PdfOptions } from './markdown-pdf.js';

/**
 * A PDF job: Markdown with its options and images, or a problem whose worked solution is
 * derived and rendered where the job runs (so that derivation runs in parallel too).
 */
export type PdfJob =
  | { readonly id: number; readonly markdown: string; readonly options: Omit<PdfOptions, 'images'> & { readonly images?: [string, string][] } }
  | { readonly id: number; readonly problem: Problem; readonly options: Omit<PdfOptions, 'images'> };

export type PdfJobResult =
  | { readonly id: number; readonly pdf: Uint8Array }
  | { readonly id: number; readonly userError: { readonly es: string; readonly en: string } }
  | { readonly id: number; readonly error: string };

/** Run one job, in a worker or in the calling thread. */
export async function runPdfJob(job: PdfJob): Promise<Buffer> {
  if ('markdown' in job) return markdownToPdf(job.markdown, { ...job.options, images: new Map(job.options.images ?? []) });

  // Loaded only for this kind of job: the symbolic engine (mathjs) takes about 85 MB, which
  // a worker that only lays out Markdown does not need.
  const [{ derive }, { solutionMarkdown }, { solutionImages }] = await Promise.all([
    import('../../derivation/derive.js'),
    import('../markdown.js'),
    import('../images.js'),
  ]);
  const derivation = derive(job.problem);
  const markdown = solutionMarkdown(derivation, { lang: job.options.lang, format: job.problem.display });
  return markdownToPdf(markdown, { ...job.options, images: solutionImages(derivation, job.problem.display) });
}
