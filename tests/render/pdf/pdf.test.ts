import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { derive } from '../../../src/derivation/derive.js';
import { UserError } from '../../../src/errors.js';
import { solutionImages } from '../../../src/render/images.js';
import { solutionMarkdown } from '../../../src/render/markdown.js';
import { markdownToPdf, splitAtEquals } from '../../../src/render/pdf/markdown-pdf.js';
import { splitAtPlus } from '../../../src/render/pdf/split.js';
import { typesetMath } from '../../../src/render/pdf/mathjax.js';
import { lectureProblem } from '../../helpers.js';

/** Extract every page's text with pdf.js, and the page sizes in points. */
async function readPdf(bytes: Buffer): Promise<{ text: string; sizes: [number, number][] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/` }).promise;
  let text = '';
  const sizes: [number, number][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    sizes.push([Math.round(viewport.width), Math.round(viewport.height)]);
    const content = await page.getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  return { text, sizes };
}

const problem = lectureProblem({ rounding: 'truncate', digits: 5 });
const derivation = derive(problem);
const markdown = solutionMarkdown(derivation, { lang: 'es', format: problem.display });
const images = solutionImages(derivation, problem.display);

describe('markdownToPdf on the lecture solution', () => {
  it('contains headings and slide values', async () => {
    const bytes = await markdownToPdf(markdown, { lang: 'es', paper: 'A4', documentName: 'solucion.md', images });
    const { text, sizes } = await readPdf(bytes);
    // The diagrams' labels are text too: w₁,₁⁽¹⁾ = 0.1 and the shared bias b⁽¹⁾ = 0.25.
    expect(text).toContain('w₁,₁⁽¹⁾ = 0.1');
    expect(text).toContain('b⁽¹⁾ = 0.25');
    for (const heading of ['Retropropagación: solución desarrollada', 'Propagación hacia adelante', 'Propagación hacia atrás', 'La red y la notación']) {
      expect(text, heading).toContain(heading);
    }
    // The values the slides print, truncated to 5 decimals (see the Markdown tests for their derivation).
    for (const value of ['0.60108', '0.73492', '0.77955', '0.23456', '0.01452', '0.68492', '0.19480', '0.23978', '0.00159', '-0.17044', '0.17184', '-0.00049', '0.00110']) {
      expect(text, value).toContain(value);
    }
    expect(text).toMatch(/Página 1 de \d+/);
    expect(sizes[0]).toEqual([595, 842]);
    expect(bytes.length).toBeLessThan(300_000);
  });

  it('writes the same bytes twice', async () => {
    const first = await markdownToPdf(markdown, { lang: 'es', paper: 'A4', documentName: 'solucion.md', images });
    const second = await markdownToPdf(markdown, { lang: 'es', paper: 'A4', documentName: 'solucion.md', images });
    expect(first.equals(second)).toBe(true);
  });

  it('uses letter paper and English labels', async () => {
    const english = solutionMarkdown(derivation, { lang: 'en', format: problem.display });
    const { text, sizes } = await readPdf(await markdownToPdf(english, { lang: 'en', paper: 'LETTER', documentName: 'solution.md', images }));
    expect(sizes[0]).toEqual([612, 792]);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('Backpropagation: worked solution');
  });
});

describe('markdownToPdf errors', () => {
  it('names the line of an unknown macro', async () => {
    const source = '# Título\n\nTexto con $\\foo{x}$ en línea.\n';
    const error = await markdownToPdf(source, { lang: 'es', paper: 'A4', documentName: 'tarea.md' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as UserError).messageIn('es');
    expect(message).toContain('tarea.md');
    expect(message).toContain('línea 3');
    expect(message).toContain('\\foo');
    expect((error as UserError).messageIn('en')).toContain('line 3');
  });

  it('names a character missing from the fonts', async () => {
    const source = 'Uno\n\nDos con 漢 aquí.\n';
    const error = await markdownToPdf(source, { lang: 'es', paper: 'A4', documentName: 'hoja.md' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).messageIn('es')).toContain('línea 3');
    expect((error as UserError).messageIn('es')).toContain('U+6F22');
  });

  it('names a missing image', async () => {
    const error = await markdownToPdf('![red](red.svg)\n', { lang: 'en', paper: 'A4', documentName: 'a.md' }).catch((e: unknown) => e);
    expect((error as UserError).messageIn('en')).toContain('red.svg');
  });
});

describe('pdf glyph coverage', () => {
  it('typesets every symbol the templates use', () => {
    const tex =
      '\\frac{dE_{1}}{d\\hat{y}_{1}} \\sigma \\eta \\delta_{j}^{[l]} \\alpha \\sum_k \\cdot \\leftarrow \\to \\le \\ge \\partial ' +
      '\\tanh \\operatorname{ReLU} \\left(0{,}5\\right) \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} \\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases} e^{-z} \\quad \\qquad';
    const box = typesetMath(tex, true);
    expect(box.drawing.glyphs.length).toBeGreaterThan(40);
    expect(box.width).toBeGreaterThan(10);
  });

  it('keeps long code lines on the page', async () => {
    const long = `asunto ${'x'.repeat(90)} [ABC123]`;
    const bytes = await markdownToPdf(`\`\`\`\n${long}\n${'y'.repeat(300)}\n\`\`\`\n`, { lang: 'es', paper: 'A4', documentName: 'c.md' });
    const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/` }).promise;
    const page = await pdf.getPage(1);
    const pageWidth = page.getViewport({ scale: 1 }).width;
    const items = (await page.getTextContent()).items.filter((item) => 'str' in item && item.str.trim() !== '' && !/Página|c\.md/.test(item.str));
    for (const item of items) {
      if (!('str' in item)) continue;
      expect(item.transform[4] + item.width).toBeLessThanOrEqual(pageWidth - 60);
    }
    // The 106-character line is shrunk to fit on one row; the 300-character one is broken.
    const texts = items.map((item) => ('str' in item ? item.str : ''));
    expect(texts.join('')).toBe(`${long.replace(/ /g, '')}${'y'.repeat(300)}`);
    const rows = new Set(items.filter((item) => 'str' in item && /x|\[ABC/.test(item.str)).map((item) => ('transform' in item ? item.transform[5] : 0)));
    expect(rows.size).toBe(1);
  });

  it('keeps text independent of earlier documents', async () => {
    // fontkit shapes Ö as O plus a diaeresis, and used to leave the glyph O mapped to Ö for
    // every later document of the process, so that "O Brien" was extracted as " Brien".
    await markdownToPdf('**Estudiante:** Öztürk\n', { lang: 'es', paper: 'A4', documentName: 'a.md' });
    const later = await readPdf(await markdownToPdf('**Estudiante:** O Brien\n', { lang: 'es', paper: 'A4', documentName: 'b.md' }));
    expect(later.text).toContain('O Brien');
  });

  it('draws accented text and symbols', async () => {
    const source = '# Niño ¿Qué? ¡Sí!\n\náéíóúñÁÉÍÓÚÑü σ η δ ŷ ∂ Σ ≈ → — «»\n\n**negrita** *cursiva* `w11^[1]`\n';
    const { text } = await readPdf(await markdownToPdf(source, { lang: 'es', paper: 'A4', documentName: 'x.md' }));
    expect(text).toContain('áéíóúñÁÉÍÓÚÑü');
    expect(text).toContain('σ η δ ŷ ∂ Σ ≈ →');
  });
});

describe('typesetMath drawing', () => {
  it('clips stretched delimiters of tall matrices', () => {
    const rows = Array.from({ length: 8 }, () => '1 & 2').join(' \\\\ ');
    const box = typesetMath(`\\begin{pmatrix} ${rows} \\end{pmatrix}`, true);
    const clipped = box.drawing.glyphs.filter((glyph) => glyph.clip !== null);
    // The extender of each parenthesis is scaled inside a nested svg that clips it.
    expect(clipped.length).toBeGreaterThanOrEqual(2);
    for (const glyph of clipped) {
      expect(glyph.clip!.height).toBeLessThan((box.ascent + box.descent) * 1000);
    }
  });

  it('composes fraction chains like MathJax', () => {
    // A leading + is binary in the full equation, so the chain puts TeX's medium space
    // (4/18 em) after it, where MathJax, seeing it alone, puts none.
    for (const [chain, extra] of [
      ['= \\frac{dE_{1}}{d\\hat{y}_{1}} \\frac{d\\hat{y}_{1}}{dz_{1}^{[2]}} \\frac{dz_{1}^{[2]}}{da_{1}^{[1]}}', 0],
      ['+ \\frac{dE_{2}}{d\\hat{y}_{2}} \\frac{d\\hat{y}_{2}}{dz_{2}^{[2]}}', 4 / 18],
    ] as const) {
      const composed = typesetMath(chain, true);
      // A trailing \, (a thin space, 1/6 em) keeps MathJax from taking the composed path.
      const reference = typesetMath(`${chain} \\,`, true);
      expect(composed.drawing.glyphs.length).toBe(reference.drawing.glyphs.length);
      expect(Math.abs(composed.width + 1 / 6 - extra - reference.width)).toBeLessThan(0.001);
      expect(composed.ascent).toBeCloseTo(reference.ascent, 3);
      expect(composed.descent).toBeCloseTo(reference.descent, 3);
    }
  });

  it('lays out numeric formulas without MathJax', () => {
    const fast = typesetMath('0.68492 \\cdot 0.19480 = 0.13342', true);
    const viaMathJax = typesetMath('0.68492 \\cdot 0.19480 = 0.13342 \\,', true);
    // Same glyphs and nearly the same width as MathJax's own layout (which adds a thin space).
    expect(fast.drawing.glyphs.length).toBe(viaMathJax.drawing.glyphs.length);
    expect(Math.abs(fast.width + 1 / 6 - viaMathJax.width)).toBeLessThan(0.02);
  });
});

describe('splitAtEquals', () => {
  it('splits at top-level equals only', () => {
    expect(splitAtEquals('a = b_{x=1} = \\left(c = d\\right) = e')).toEqual(['a', '= b_{x=1}', '= \\left(c = d\\right)', '= e']);
    expect(splitAtEquals('\\begin{cases} a = 1 \\end{cases} = 2')).toEqual(['\\begin{cases} a = 1 \\end{cases}', '= 2']);
    expect(splitAtEquals('w \\leftarrow w - \\eta g = 0.5 - 0.1 = 0.4')).toEqual(['w \\leftarrow w - \\eta g', '= 0.5 - 0.1', '= 0.4']);
  });

  it('splits sums at top-level plus', () => {
    expect(splitAtPlus('a b + c_{1+2} + \\left(d + e\\right)')).toEqual(['a b', '+ c_{1+2}', '+ \\left(d + e\\right)']);
  });
});
