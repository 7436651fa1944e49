import type Token from 'markdown-it/lib/token.mjs';
import type { FontName } from './fonts.js';
import { typesetMath, type MathBox } from './mathjax.js';
import { splitAtEquals } from './split.js';

/** A piece of a paragraph: a word or a space in one font, a formula, or a forced line break. */
export type InlinePiece =
  | { readonly kind: 'text'; readonly text: string; readonly font: FontName; readonly size: number; readonly width: number }
  | { readonly kind: 'space'; readonly width: number }
  /** Space where a line must not break, such as before the = of an inline formula. */
  | { readonly kind: 'glue'; readonly width: number }
  | { readonly kind: 'math'; readonly tex: string; readonly box: MathBox; readonly size: number; readonly width: number }
  | { readonly kind: 'break' };

export interface InlineLine {
  readonly pieces: InlinePiece[];
  readonly width: number;
  readonly ascent: number;
  readonly descent: number;
}

export interface InlineStyle {
  /** Font family of plain runs: the body is serif, headings sans. */
  readonly family: 'serif' | 'sans';
  readonly size: number;
  readonly bold: boolean;
  /** Size of 1 em of math, in points. */
  readonly mathSize: number;
}

/** Measures a word's width in points in a given font and size. */
export type Measure = (text: string, font: FontName, size: number) => number;

/** DejaVu's ascender and descender, in em, for line metrics. */
const textAscent = 0.93;
const textDescent = 0.24;

/** Turn markdown-it inline tokens into measured pieces. */
export function inlinePieces(tokens: Token[], style: InlineStyle, measure: Measure): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  let bold = style.bold;
  let italic = false;

  for (const token of tokens) {
    switch (token.type) {
      case 'strong_open':
      case 'strong_close':
        bold = token.type === 'strong_open' || style.bold;
        break;
      case 'em_open':
      case 'em_close':
        italic = token.type === 'em_open';
        break;
      case 'math_inline':
        // Typeset `a = b = 0.5` as a, = b, = 0.5: the symbolic parts recur and stay cached.
        splitAtEquals(token.content).forEach((part, index) => {
          if (index > 0) pieces.push({ kind: 'glue', width: (5 / 18) * style.mathSize });
          const box = typesetMath(part, false);
          pieces.push({ kind: 'math', tex: part, box, size: style.mathSize, width: box.width * style.mathSize });
        });
        break;
      case 'code_inline':
        pushWords(pieces, token.content, 'mono', style.size * 0.92, measure);
        break;
      case 'softbreak':
        pieces.push({ kind: 'space', width: measure(' ', fontFor(style.family, bold, italic), style.size) });
        break;
      case 'hardbreak':
        pieces.push({ kind: 'break' });
        break;
      case 'text':
        pushWords(pieces, token.content, fontFor(style.family, bold, italic), style.size, measure);
        break;
      default:
        break;
    }
  }
  return pieces;
}

/** Fill lines greedily up to `width` points; a piece wider than a line gets a line of its own. */
export function breakLines(pieces: InlinePiece[], width: number, options: { splitLongWords?: boolean } = {}): InlineLine[] {
  if (options.splitLongWords === true) pieces = pieces.flatMap((piece) => splitLongWord(piece, width));
  const lines: InlineLine[] = [];
  let current: InlinePiece[] = [];
  let used = 0;

  const finish = () => {
    while (current.length > 0 && current[current.length - 1]!.kind === 'space') current.pop();
    if (current.length > 0) lines.push(lineOf(current));
    current = [];
    used = 0;
  };

  // Moves what follows the line's last space to a new line, so that it stays with the punctuation after it.
  const carryLastWord = () => {
    let lastSpace = current.length - 1;
    while (lastSpace > 0 && current[lastSpace]!.kind !== 'space') lastSpace--;
    if (lastSpace <= 0) return;
    const carried = current.slice(lastSpace + 1);
    current = current.slice(0, lastSpace);
    finish();
    current = carried;
    used = carried.reduce((sum, carriedPiece) => sum + (carriedPiece.kind === 'break' ? 0 : carriedPiece.width), 0);
  };

  for (const piece of pieces) {
    if (piece.kind === 'break') {
      finish();
      continue;
    }
    if (piece.kind === 'space' && current.length === 0) continue;
    const pieceWidth = piece.width;
    // Closing punctuation stays with what it follows: "$w_0 = 0.5$," never starts a line with ",".
    const closesPrevious = piece.kind === 'text' && /^[,.;:!?)\]»”]/.test(piece.text) && current[current.length - 1]?.kind !== 'space';
    const breakable = piece.kind !== 'space' && piece.kind !== 'glue' && current[current.length - 1]?.kind !== 'glue' && !closesPrevious;
    if (breakable && used + pieceWidth > width && current.length > 0) finish();
    if (closesPrevious && used + pieceWidth > width) carryLastWord();
    current.push(piece);
    used += pieceWidth;
  }
  finish();
  return lines;
}

/**
 * Cuts a word wider than `width` into parts that fit, so that a long label in a narrow table
 * column wraps instead of running into the next column. Characters are taken as equally wide.
 */
function splitLongWord(piece: InlinePiece, width: number): InlinePiece[] {
  if (piece.kind !== 'text' || piece.width <= width || width <= 0) return [piece];
  const characters = [...piece.text];
  const perPart = Math.max(1, Math.floor((characters.length * width) / piece.width));
  const parts: InlinePiece[] = [];
  for (let start = 0; start < characters.length; start += perPart) {
    const text = characters.slice(start, start + perPart).join('');
    parts.push({ ...piece, text, width: (piece.width * [...text].length) / characters.length });
  }
  return parts;
}

function lineOf(pieces: InlinePiece[]): InlineLine {
  let width = 0;
  let ascent = 0;
  let descent = 0;
  for (const piece of pieces) {
    if (piece.kind === 'break') continue;
    width += piece.width;
    if (piece.kind === 'text') {
      ascent = Math.max(ascent, piece.size * textAscent);
      descent = Math.max(descent, piece.size * textDescent);
    }
    if (piece.kind === 'math') {
      ascent = Math.max(ascent, piece.box.ascent * piece.size);
      descent = Math.max(descent, piece.box.descent * piece.size);
    }
  }
  return { pieces, width, ascent, descent };
}

function pushWords(pieces: InlinePiece[], text: string, font: FontName, size: number, measure: Measure): void {
  for (const part of text.split(/( +)/)) {
    if (part === '') continue;
    if (part.trim() === '') pieces.push({ kind: 'space', width: measure(' ', font, size) });
    else pieces.push({ kind: 'text', text: part, font, size, width: measure(part, font, size) });
  }
}

function fontFor(family: 'serif' | 'sans', bold: boolean, italic: boolean): FontName {
  if (bold && italic) return family === 'serif' ? 'serifBoldItalic' : 'sansBoldItalic';
  if (bold) return family === 'serif' ? 'serifBold' : 'sansBold';
  if (italic) return family === 'serif' ? 'serifItalic' : 'sansItalic';
  return family;
}

export const lineMetrics = { textAscent, textDescent };
