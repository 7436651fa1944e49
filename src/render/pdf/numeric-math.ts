import { glyphOutlines, multiply, type MathDrawing, type Matrix } from './math-paint.js';
import type { MathBox } from './mathjax.js';
import { closingBrace } from './split.js';

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

/**
 * Typeset a chain of fractions such as `= \frac{dE_1}{d\hat{y}_1} \frac{d\hat{y}_1}{dz_1^{[2]}}`
 * (an optional leading = or +, then fractions side by side) from separately typeset and
 * cached fractions. The same factors recur in many chains, so each is typeset by MathJax
 * once. MathJax puts no space between two fractions, a thick space after = and a medium
 * space after + (checked against its own layout in the tests). Returns null for anything else.
 */
export function typesetFractionChain(tex: string, typeset: (part: string) => MathBox, glyphSource: GlyphSource): MathBox | null {
  const match = /^([=+])?\s*((?:\\frac\{.*)$)/.exec(tex.trim());
  if (match === null) return null;
  const fractions = topLevelFractions(match[2]!);
  if (fractions === null || fractions.length < (match[1] === undefined ? 2 : 1)) return null;

  const parts: { box: MathBox; spaceBefore: number }[] = [];
  if (match[1] !== undefined) parts.push({ box: glyphSource(match[1]), spaceBefore: 0 });
  fractions.forEach((fraction, index) => {
    let spaceBefore = match[1] === '=' ? 5 : 4;
    if (index > 0) spaceBefore = 0;
    parts.push({ box: typeset(fraction), spaceBefore: parts.length === 0 ? 0 : spaceBefore / 18 });
  });
  return compose(parts);
}

/** Split `\frac{a}{b} \frac{c}{d}` into its fractions, or return null if anything else is there. */
function topLevelFractions(tex: string): string[] | null {
  const fractions: string[] = [];
  let i = 0;
  while (i < tex.length) {
    if (/\s/.test(tex[i]!)) {
      i++;
      continue;
    }
    if (!tex.startsWith('\\frac{', i)) return null;
    const numeratorEnd = closingBrace(tex, i + 5);
    if (numeratorEnd < 0 || tex[numeratorEnd + 1] !== '{') return null;
    const denominatorEnd = closingBrace(tex, numeratorEnd + 1);
    if (denominatorEnd < 0) return null;
    fractions.push(tex.slice(i, denominatorEnd + 1));
    i = denominatorEnd + 1;
  }
  return fractions;
}

/** Place boxes side by side on one baseline, each after its space in em. */
function compose(parts: { box: MathBox; spaceBefore: number }[]): MathBox {
  const glyphs: MathDrawing['glyphs'][number][] = [];
  const rects: MathDrawing['rects'][number][] = [];
  const paths: MathDrawing['paths'][number][] = [];
  let x = 0;
  let ascent = 0;
  let descent = 0;
  for (const { box, spaceBefore } of parts) {
    x += spaceBefore;
    const [minX] = box.drawing.viewBox;
    const shift: Matrix = [1, 0, 0, 1, x * 1000 - minX, 0];
    const moveClip = <T extends { clip: { x: number; y: number; width: number; height: number } | null }>(item: T) =>
      item.clip === null ? null : { ...item.clip, x: item.clip.x + x * 1000 - minX };
    for (const glyph of box.drawing.glyphs) glyphs.push({ ...glyph, matrix: multiply(shift, glyph.matrix), clip: moveClip(glyph) });
    for (const rect of box.drawing.rects) rects.push({ ...rect, matrix: multiply(shift, rect.matrix), clip: moveClip(rect) });
    for (const path of box.drawing.paths) paths.push({ ...path, matrix: multiply(shift, path.matrix), clip: moveClip(path) });
    x += box.width;
    ascent = Math.max(ascent, box.ascent);
    descent = Math.max(descent, box.descent);
  }
  const drawing: MathDrawing = { viewBox: [0, -ascent * 1000, x * 1000, (ascent + descent) * 1000], glyphs, rects, paths };
  return { drawing, width: x, ascent, descent };
}

/** Decimal numbers in TeX, written with a point or a `{,}` comma: the data of a formula. */
const decimalNumber = /\d+(?:\.|\{,\})\d+/g;

/** Replace every digit of the formula's decimal numbers by `digit`, leaving indices alone. */
export function digitSkeleton(tex: string, digit: string): string {
  return tex.replace(decimalNumber, (number) => number.replace(/[0-9]/g, digit));
}

/**
 * Typeset a formula that mixes symbols and numbers, such as `= \sigma\left(0.46760\right)`,
 * from its digit skeleton. In the skeleton every digit of the decimal numbers is a 7.
 * MathJax typesets it once, it is cached, and each of those 7s gets its real digit back. The
 * digits of the math font all have the same width, so the layout only changes where a
 * digit's height or depth matters (a root, a stretchy delimiter). The skeleton with 1 (the
 * shortest digit) must lay out the same, or this returns null and the formula goes to
 * MathJax whole. The box keeps the skeleton's height and depth, which 7 makes the largest
 * of any digit but 4 (0.001 em taller).
 */
export function typesetWithDigitSlots(tex: string, typeset: (skeleton: string) => MathBox): MathBox | null {
  const tallTex = digitSkeleton(tex, '7');
  if (tallTex === tex || !inSourceOrder(tex)) return null;
  const tall = typeset(tallTex);
  const short = typeset(digitSkeleton(tex, '1'));
  if (!sameLayout(tall.drawing, short.drawing)) return null;

  // The glyphs that differ between the two skeletons are the digits of the numbers; MathJax
  // draws them in the order they have in the source.
  const digits = [...tex.matchAll(decimalNumber)].flatMap(([number]) => number.match(/[0-9]/g) ?? []);
  let next = 0;
  const glyphs = tall.drawing.glyphs.map((glyph, i) => {
    if (glyph.key === short.drawing.glyphs[i]!.key) return glyph;
    const digit = digits[next++] ?? '?';
    return { ...glyph, key: `${glyph.key.slice(0, -2)}${digit.charCodeAt(0).toString(16)}` };
  });
  if (next !== digits.length || !glyphs.every((glyph) => glyphOutlines.has(glyph.key))) return null;
  return { ...tall, drawing: { ...tall.drawing, glyphs } };
}

/**
 * Tell whether MathJax draws the formula's numbers in source order. It draws a superscript
 * before its subscript and may reorder limits, roots and braces, so a number in a script,
 * or any of those constructions, sends the formula to MathJax whole.
 */
function inSourceOrder(tex: string): boolean {
  if (/\\(?:sqrt|overset|underset|stackrel|xrightarrow|xleftarrow|overbrace|underbrace|sideset|limits)/.test(tex)) return false;
  for (const script of tex.matchAll(/[_^]\{/g)) {
    const end = closingBrace(tex, script.index + 1);
    if (end < 0 || /[0-9](?:\.|\{,\})[0-9]/.test(tex.slice(script.index, end))) return false;
  }
  return !/[_^]\s*[0-9]/.test(tex);
}

/** Glyph keys of the digits 0–9 end in their code point, -30 to -39. */
const digitGlyph = /-3[0-9]$/;

/** Tell whether two drawings differ at most in which digit each digit glyph shows. */
function sameLayout(a: MathDrawing, b: MathDrawing): boolean {
  if (a.glyphs.length !== b.glyphs.length || a.rects.length !== b.rects.length || a.paths.length !== b.paths.length) return false;
  if (a.viewBox[0] !== b.viewBox[0] || a.viewBox[2] !== b.viewBox[2]) return false;
  const digitless = (key: string) => key.replace(digitGlyph, '-3x');
  const sameMatrix = (m: Matrix, n: Matrix) => m.every((value, i) => value === n[i]);
  return (
    a.glyphs.every((glyph, i) => digitless(glyph.key) === digitless(b.glyphs[i]!.key) && sameMatrix(glyph.matrix, b.glyphs[i]!.matrix) && JSON.stringify(glyph.clip) === JSON.stringify(b.glyphs[i]!.clip)) &&
    a.rects.every((rect, i) => JSON.stringify(rect) === JSON.stringify(b.rects[i])) &&
    a.paths.every((path, i) => JSON.stringify(path) === JSON.stringify(b.paths[i]))
  );
}
