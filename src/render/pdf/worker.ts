import { parentPort } from 'node:worker_threads';
import { UserError } from '../../errors.js';
import { runPdfJob, type PdfJob, type PdfJobResult } from './jobs.js';

// A worker thread of PdfPool: runs each job it receives and posts back the PDF or the error.
parentPort?.on('message', (job: PdfJob) => {
  runPdfJob(job).then(
    (pdf) => parentPort!.postMessage({ id: job.id, pdf } satisfies PdfJobResult, [pdf.buffer as ArrayBuffer]),
    (error: unknown) => {
      const result: PdfJobResult =
        error instanceof UserError
          ? { id: job.id, userError: { es: error.messageIn('es'), en: error.messageIn('en') } }
          : { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      parentPort!.postMessage(result);
    },
  );
});
