import { describe, expect, it } from 'vitest';
import { breakLines, type InlinePiece } from '../../../src/render/pdf/inline.js';
import type { MathBox } from '../../../src/render/pdf/mathjax.js';

const word = (text: string, width: number): InlinePiece => ({ kind: 'text', text, font: 'serif', size: 10, width });
const space: InlinePiece = { kind: 'space', width: 3 };
const box = { width: 4, ascent: 0.7, descent: 0.2 } as unknown as MathBox;
const formula: InlinePiece = { kind: 'math', tex: 'w_0', box, size: 10, width: 40 };
const texts = (pieces: InlinePiece[]) => pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.kind));

describe('breakLines', () => {
  it('keeps a comma after a formula', () => {
    // "starts at $w_0$, with": the comma would overflow the first line, so the formula moves with it.
    const lines = breakLines([word('starts', 50), space, formula, word(',', 5), space, word('with', 30)], 95);
    expect(texts(lines[0]!.pieces)).toEqual(['starts']);
    expect(texts(lines[1]!.pieces)).toEqual(['math', ',', 'space', 'with']);
  });

  it('breaks between words', () => {
    const lines = breakLines([word('one', 50), space, word('two', 50)], 80);
    expect(lines.map((line) => texts(line.pieces))).toEqual([['one'], ['two']]);
  });
});

describe('breakLines long words', () => {
  it('splits a word wider than the line', () => {
    // 20 characters over 200 pt in lines of 100 pt: two parts of 10 characters.
    const lines = breakLines([word('abcdefghijklmnopqrst', 200)], 100, { splitLongWords: true });
    expect(lines.map((line) => texts(line.pieces))).toEqual([['abcdefghij'], ['klmnopqrst']]);
  });

  it('keeps it whole unless asked', () => {
    expect(breakLines([word('abcdefghijklmnopqrst', 200)], 100)).toHaveLength(1);
  });
});
