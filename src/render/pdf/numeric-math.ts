import { multiply, type MathDrawing, type Matrix } from './math-paint.js';
import type { MathBox } from './mathjax.js';

/**
 * Fast typesetting of formulas made only of numbers, + − · = and parentheses, such as
 * `= 0.68492 \cdot 0.19480 \cdot 0.5 = 0.00159`. Worked solutions for different students
 * differ only in these, and laying out their glyphs directly (with TeX's spacing rules)
 * costs microseconds where MathJax costs about a millisecond per formula.
 */

type AtomClass = 'ord' | 'bin' | 'rel' | 'open' | 'close' | 'punct';

interface Atom {
  readonly tex: string;
  readonly kind: AtomClass;
}

/** The single-character formula that gives each symbol's glyph and advance width. */
export type GlyphSource = (tex: string) => MathBox;

const tokenPattern = /\s+|\\cdot|\\left\(|\\right\)|\{,\}|[0-9.+\-=()]|./g;

// TeX's spacing between atom classes in text and display style, in 1/18 em (TeXbook, ch. 18).
const spacing: Partial<Record<`${AtomClass}-${AtomClass}`, number>> = {
  'ord-bin': 4, 'bin-ord': 4, 'bin-open': 4, 'close-bin': 4,
  'ord-rel': 5, 'rel-ord': 5, 'rel-open': 5, 'close-rel': 5, 'rel-bin': 5, 'bin-rel': 5,
  'punct-ord': 3,
};

/** Typeset a purely numeric formula, or return null when it contains anything else. */
export function typesetNumeric(tex: string, glyphSource: GlyphSource): MathBox | null {
  const atoms = atomsOf(tex);
  if (atoms === null || atoms.length === 0) return null;

  const glyphs: { key: string; matrix: Matrix; clip: null }[] = [];
  let x = 0;
  let ascent = 0;
  let descent = 0;
  let previous: AtomClass | null = null;
  for (const atom of atoms) {
    if (previous !== null) x += (spacing[`${previous}-${atom.kind}`] ?? 0) / 18;
    const box = glyphSource(atom.tex);
    const [minX] = box.drawing.viewBox;
    for (const glyph of box.drawing.glyphs) {
      glyphs.push({ key: glyph.key, matrix: multiply([1, 0, 0, 1, x * 1000 - minX, 0], glyph.matrix), clip: null });
    }
    x += box.width;
    ascent = Math.max(ascent, box.ascent);
    descent = Math.max(descent, box.descent);
    previous = atom.kind;
  }

  const drawing: MathDrawing = { viewBox: [0, -ascent * 1000, x * 1000, (ascent + descent) * 1000], glyphs, rects: [], paths: [] };
  return { drawing, width: x, ascent, descent };
}

/** Split into atoms with their TeX class; a minus after nothing, an opening or an operator is unary. */
function atomsOf(tex: string): Atom[] | null {
  const atoms: Atom[] = [];
  for (const [token] of tex.matchAll(tokenPattern)) {
    if (/^\s+$/.test(token)) continue;
    const last = atoms[atoms.length - 1];
    if (/^[0-9.]$/.test(token)) atoms.push({ tex: token, kind: 'ord' });
    else if (token === '{,}') atoms.push({ tex: '{,}', kind: 'ord' });
    else if (token === '\\cdot' || token === '+') atoms.push({ tex: token, kind: 'bin' });
    else if (token === '-') atoms.push({ tex: '-', kind: last === undefined || last.kind !== 'ord' && last.kind !== 'close' ? 'ord' : 'bin' });
    else if (token === '=') atoms.push({ tex: '=', kind: 'rel' });
    else if (token === '(' || token === '\\left(') atoms.push({ tex: '(', kind: 'open' });
    else if (token === ')' || token === '\\right)') atoms.push({ tex: ')', kind: 'close' });
    else return null;
  }
  return atoms;
}
