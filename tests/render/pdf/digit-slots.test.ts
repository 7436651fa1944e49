import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/derivation/derive.js';
import { loadProblem, requireLearningRate } from '../../../src/network/load.js';
import { solutionMarkdown } from '../../../src/render/markdown.js';
import { typesetByMathJax } from '../../../src/render/pdf/mathjax.js';
import { typesetWithDigitSlots } from '../../../src/render/pdf/numeric-math.js';
import { lectureProblem } from '../../helpers.js';

/** Every $…$ and $$…$$ formula of a worked solution. */
function formulasOf(markdown: string): { tex: string; display: boolean }[] {
  return [...markdown.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g)].map((match) => ({ tex: (match[1] ?? match[2]!).trim(), display: match[1] !== undefined }));
}

const lecture = lectureProblem({ rounding: 'truncate', digits: 5 });
const relu = requireLearningRate(loadProblem('exercises/relu-3-capas.yaml', 'relu-3-capas.yaml'));
const formulas = [
  ...formulasOf(solutionMarkdown(derive(lecture), { lang: 'es', format: lecture.display })),
  ...formulasOf(solutionMarkdown(derive(relu), { lang: 'en', format: { ...relu.display, decimalComma: true } })),
  { tex: '\\left(\\frac{0.25}{0.75}\\right)^{2}', display: true },
  { tex: 'w_{7,1}^{[2]} = 0.5 - 0.25 \\cdot \\frac{0.123}{4.56} = 0.21', display: false },
  { tex: '\\begin{pmatrix} 0.1 & 2.3 \\\\ 4.5 & 6.78 \\end{pmatrix}', display: true },
];

describe('typesetWithDigitSlots', () => {
  it('matches MathJax on solution formulas', () => {
    let slotted = 0;
    for (const { tex, display } of formulas) {
      const fast = typesetWithDigitSlots(tex, (skeleton) => typesetByMathJax(skeleton, display));
      if (fast === null) continue;
      slotted++;
      const direct = typesetByMathJax(tex, display);
      expect(fast.drawing.glyphs.map((glyph) => glyph.key), tex).toEqual(direct.drawing.glyphs.map((glyph) => glyph.key));
      fast.drawing.glyphs.forEach((glyph, i) => {
        glyph.matrix.forEach((value, j) => expect(value, tex).toBeCloseTo(direct.drawing.glyphs[i]!.matrix[j]!, 9));
      });
      expect(fast.drawing.rects).toEqual(direct.drawing.rects);
      expect(fast.width).toBe(direct.width);
      // The skeleton's 7 is at least as tall and deep as any digit but 4 (0.001 em taller).
      expect(fast.ascent - direct.ascent, tex).toBeGreaterThanOrEqual(-0.0011);
      expect(fast.descent - direct.descent, tex).toBeGreaterThanOrEqual(0);
      expect(fast.ascent + fast.descent - direct.ascent - direct.descent, tex).toBeLessThan(0.035);
    }
    expect(slotted).toBeGreaterThan(20);
  });

  it('leaves roots and numbers in scripts to MathJax', () => {
    for (const tex of ['\\sqrt{0.4711}', 'e^{-0.41} x_{0.5}', 'x_{1}^{0.25}']) {
      expect(typesetWithDigitSlots(tex, (skeleton) => typesetByMathJax(skeleton, true)), tex).toBeNull();
    }
  });

  it('skips formulas without digits', () => {
    expect(typesetWithDigitSlots('\\sigma(z)', (skeleton) => typesetByMathJax(skeleton, true))).toBeNull();
  });
});

describe('typesetByMathJax', () => {
  it('keeps the glyph before >', () => {
    // MathJax writes the TeX into data-latex="z > 0"; a tag reader that stopped at that
    // ">" lost the z and drew the rest of the attribute as garbage.
    const greater = typesetByMathJax('z > 0', false);
    const less = typesetByMathJax('z < 0', false);
    // < and > have the same width, so every glyph must sit where it sits in z < 0.
    const placements = (box: typeof greater) => box.drawing.glyphs.map((glyph) => glyph.matrix.map((n) => n.toFixed(3)).join(' '));
    expect(placements(greater)).toEqual(placements(less));
    expect(greater.drawing.glyphs).toHaveLength(3);
  });
});
