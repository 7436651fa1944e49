import { afterAll, describe, expect, it } from 'vitest';
import { derive } from '../../../src/derivation/derive.js';
import { UserError } from '../../../src/errors.js';
import { solutionImages } from '../../../src/render/images.js';
import { solutionMarkdown } from '../../../src/render/markdown.js';
import { markdownToPdf } from '../../../src/render/pdf/markdown-pdf.js';
import { PdfPool } from '../../../src/render/pdf/pool.js';
import { lectureProblem } from '../../helpers.js';

describe('PdfPool', () => {
  const pool = new PdfPool({ size: 2 });
  afterAll(() => pool.close());

  it('renders the same bytes as the main thread', async () => {
    const problem = lectureProblem();
    const derivation = derive(problem);
    const markdown = solutionMarkdown(derivation, { lang: 'es', format: problem.display });
    const options = { lang: 'es', paper: 'A4', documentName: 'solucion.md' } as const;
    const direct = await markdownToPdf(markdown, { ...options, images: solutionImages(derivation, problem.display) });
    const [fromMarkdown, fromProblem] = await Promise.all([
      pool.render(markdown, { ...options, images: solutionImages(derivation, problem.display) }),
      pool.renderSolution(problem, options),
    ]);
    expect(fromMarkdown.equals(direct)).toBe(true);
    expect(fromProblem.equals(direct)).toBe(true);
  });

  it('passes user errors back', async () => {
    const error = await pool.render('Texto $\\foo$\n', { lang: 'es', paper: 'A4', documentName: 'x.md' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).messageIn('es')).toContain('\\foo');
  });

  it('retries a job that ran out of memory', async () => {
    // 4 MB of old generation is too little for MathJax: the first worker dies, and the
    // job runs again in one without the cap.
    const tight = new PdfPool({ size: 1, limits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 4 } });
    try {
      const pdf = await tight.renderSolution(lectureProblem(), { lang: 'es', paper: 'A4', documentName: 'solucion.md' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await tight.close();
    }
  }, 60_000);
});
