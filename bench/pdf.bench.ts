import { derive } from '../src/derivation/derive.js';
import { defaultDisplay, type Problem } from '../src/network/spec.js';
import { solutionImages } from '../src/render/images.js';
import { solutionMarkdown } from '../src/render/markdown.js';
import { markdownToPdf } from '../src/render/pdf/markdown-pdf.js';

/** Build the lecture's 2-2-2 network with its weights shifted by `offset`, so every number changes. */
function lectureVariant(offset: number): Problem {
  const shift = (w: number) => Math.round((w + offset) * 1000) / 1000;
  return {
    network: {
      layers: [
        { weights: [[0.1, 0.3], [0.2, 0.4]].map((row) => row.map(shift)), bias: 0.25, activation: 'sigmoid', alpha: 0 },
        { weights: [[0.5, 0.6], [0.7, 0.8]].map((row) => row.map(shift)), bias: 0.35, activation: 'sigmoid', alpha: 0 },
      ],
      loss: 'mse_half',
    },
    samples: [{ input: [0.1, 0.5], target: [0.05, 0.95] }],
    learningRate: 0.5,
    display: { ...defaultDisplay, rounding: 'truncate' },
  };
}

/** Write the worked solution as `cadena derive --format pdf` does, diagrams included. */
async function workedSolutionPdf(problem: Problem): Promise<Buffer> {
  const derivation = derive(problem);
  const markdown = solutionMarkdown(derivation, { lang: 'es', format: problem.display });
  const images = solutionImages(derivation, problem.display);
  return markdownToPdf(markdown, { lang: 'es', paper: 'A4', documentName: 'solucion.md', images });
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await run();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

export async function pdfBench(): Promise<string[]> {
  const lecture = lectureVariant(0);
  const [cold, bytes] = await time(() => workedSolutionPdf(lecture));
  const warmRuns: number[] = [];
  for (let i = 0; i < 10; i++) warmRuns.push((await time(() => workedSolutionPdf(lecture)))[0]);
  warmRuns.sort((a, b) => a - b);

  const [hundred] = await time(async () => {
    for (let i = 1; i <= 100; i++) await workedSolutionPdf(lectureVariant(i / 1000));
  });
  const memory = process.memoryUsage().rss / 2 ** 20;

  return [
    `pdf lecture worked solution: first run ${cold.toFixed(0)} ms, warm median ${warmRuns[5]!.toFixed(0)} ms, ${(bytes.length / 1024).toFixed(0)} KB`,
    `pdf 100 lecture variants (different numbers): ${(hundred / 1000).toFixed(2)} s in one process, resident memory ${memory.toFixed(0)} MB`,
  ];
}
