import { describe, expect, it } from 'vitest';
import { matchItem, readAnswers, readLabel, readNumber } from '../../src/grading/answers.js';

const w = (layer: number | null, row: number, col: number) => ({ quantity: 'w', layer, row, col, derivativeOf: null });

describe('readNumber', () => {
  it.each([
    ['0.21488', 0.21488],
    ['0,21488', 0.21488],
    ['+0.5', 0.5],
    ['−0,3190', -0.319],
    ['-0.3190', -0.319],
    ['1.1e-3', 0.0011],
    ['1,1E-3', 0.0011],
    ['1,1·10^-3', 0.0011],
    ['1.1 × 10^{-3}', 0.0011],
    ['1.1\\cdot 10^{-3}', 0.0011],
    ['$0,21488$', 0.21488],
    ['0.21488.', 0.21488],
    ['3', 3],
  ])('reads %s', (text, value) => {
    expect(readNumber(text)).toEqual({ kind: 'number', value });
  });

  it.each([
    ['[0,7229, -0,3190]', 'several-numbers'],
    ['0,7229, -0,3190', 'several-numbers'],
    ['0.5 o 0.6', 'several-numbers'],
    ['1,234.5', 'thousands-separator'],
    ['1.234,5', 'thousands-separator'],
    ['1e999', 'not-finite'],
    ['NaN', 'not-finite'],
    ['-Infinity', 'not-finite'],
  ])('calls %s ambiguous', (text, reason) => {
    expect(readNumber(text)).toEqual({ kind: 'ambiguous', reason });
  });

  it.each(['', 'hola', 'no sé'])('rejects %s', (text) => {
    expect(readNumber(text)).toBeNull();
  });
});

describe('readLabel', () => {
  it.each([
    ['w11', w(null, 1, 1)],
    ['w_11', w(null, 1, 1)],
    ['w1,1', w(null, 1, 1)],
    ['w_{1,2}', w(null, 1, 2)],
    ['w_{1,2}^{[1]}', w(1, 1, 2)],
    ['w12^[1]', w(1, 1, 2)],
    ['w^[1]_21', w(1, 2, 1)],
    ['W1[2][1]', w(1, 2, 1)],
    ['$w_{1,1}^{[2]}$', w(2, 1, 1)],
  ])('reads %s', (text, expected) => {
    expect(readLabel(text)).toEqual(expected);
  });

  it('reads biases', () => {
    expect(readLabel('b1')).toEqual({ quantity: 'b', layer: null, row: 1, col: null, derivativeOf: null });
    expect(readLabel('b^{[1]}')).toEqual({ quantity: 'b', layer: 1, row: null, col: null, derivativeOf: null });
    expect(readLabel('b^[2]')).toEqual({ quantity: 'b', layer: 2, row: null, col: null, derivativeOf: null });
    expect(readLabel('b2^[1]')).toEqual({ quantity: 'b', layer: 1, row: 2, col: null, derivativeOf: null });
  });

  it('reads forward quantities', () => {
    expect(readLabel('z1^[1]')).toMatchObject({ quantity: 'z', layer: 1, row: 1 });
    expect(readLabel('ŷ2')).toMatchObject({ quantity: 'yhat', row: 2 });
    expect(readLabel('\\hat{y}_1')).toMatchObject({ quantity: 'yhat', row: 1 });
    expect(readLabel('E1')).toMatchObject({ quantity: 'E', row: 1 });
    expect(readLabel('E')).toMatchObject({ quantity: 'E', row: null });
  });

  it('reads derivatives', () => {
    expect(readLabel('dE/dw11^[1]')).toEqual({ ...w(1, 1, 1), derivativeOf: 0 });
    expect(readLabel('∂E1/∂w11')).toEqual({ ...w(null, 1, 1), derivativeOf: 1 });
    expect(readLabel('\\frac{dE_2}{dw_{1,1}^{[1]}}')).toEqual({ ...w(1, 1, 1), derivativeOf: 2 });
  });

  it.each(['Hola', 'w', 'w123', 'z^[1]', 'x1', 'Saludos'])('rejects %s', (text) => {
    expect(readLabel(text)).toBeNull();
  });
});

describe('readAnswers', () => {
  it('reads an e-mail body', () => {
    const body = [
      'Hola profesora,',
      'w11^[1] = 0,21488',
      'w_{1,2}^{[1]}: −0.3190',
      '$w21 → 1,1·10^-3$',
      'b^[1] = [0,7229, -0,3190]',
      'Saludos, Ana: gracias',
    ].join('\r\n');
    expect(readAnswers(body)).toEqual([
      { kind: 'answer', line: 2, text: 'w11^[1] = 0,21488', label: w(1, 1, 1), value: 0.21488 },
      { kind: 'answer', line: 3, text: 'w_{1,2}^{[1]}: −0.3190', label: w(1, 1, 2), value: -0.319 },
      { kind: 'answer', line: 4, text: '$w21 → 1,1·10^-3$', label: w(null, 2, 1), value: 0.0011 },
      { kind: 'ambiguous', line: 5, text: 'b^[1] = [0,7229, -0,3190]', label: { quantity: 'b', layer: 1, row: null, col: null, derivativeOf: null }, reason: 'several-numbers' },
    ]);
  });

  it('reads a two-cell table row', () => {
    expect(readAnswers('w11^[1]\n\n0,39811\nb^[1]\n0,5')).toMatchObject([
      { kind: 'answer', line: 1, value: 0.39811 },
      { kind: 'answer', line: 4, value: 0.5 },
    ]);
  });

  it('reads a non-breaking space', () => {
    expect(readAnswers('w11\u00A0=\u00A00.5')).toMatchObject([{ kind: 'answer', value: 0.5 }]);
  });
});

describe('matchItem', () => {
  const items = ['w11^[1]', 'w12^[1]', 'b^[1]', 'w11^[2]', 'dE/dw11^[2]', 'dE1/dw11^[1]', 'z1^[1]', 'yhat1', 'E'];

  it('finds the item', () => {
    expect(matchItem(readLabel('w_{1,2}')!, items)).toBe('w12^[1]');
    expect(matchItem(readLabel('b^{[1]}')!, items)).toBe('b^[1]');
    expect(matchItem(readLabel('∂E/∂w11^[2]')!, items)).toBe('dE/dw11^[2]');
    expect(matchItem(readLabel('dE1/dw_{1,1}')!, items)).toBe('dE1/dw11^[1]');
    expect(matchItem(readLabel('ŷ1')!, items)).toBe('yhat1');
  });

  it('refuses an ambiguous label', () => {
    // w11 without its layer fits both w11^[1] and w11^[2].
    expect(matchItem(readLabel('w11')!, items)).toBeNull();
    expect(matchItem(readLabel('w22')!, items)).toBeNull();
  });
});

describe('matchItem on answer keys', () => {
  it('finds every item of a key by its own name', async () => {
    const { itemsOf } = await import('../../src/homework/items.js');
    const { biasRef, weightRef } = await import('../../src/network/notation.js');
    const architecture = { sizes: [2, 3, 2], activations: ['sigmoid', 'sigmoid'], alphas: [0, 0], loss: 'mse_half', bias: 'per-neuron' } as const;
    const items = itemsOf(
      [
        { kind: 'update', parameters: [weightRef(1, 3, 2), biasRef(1, 3), weightRef(2, 2, 3)] },
        { kind: 'gradient', parameters: [weightRef(2, 1, 1), biasRef(2, 2)] },
        { kind: 'contribution', parameter: weightRef(1, 1, 1) },
        { kind: 'forward', quantities: ['z', 'a', 'yhat', 'E'] },
      ],
      { ...architecture, activations: [...architecture.activations], sizes: [...architecture.sizes], alphas: [0, 0] },
    );
    const names = items.map((item) => item.name);
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) expect(matchItem(readLabel(name)!, names), name).toBe(name);
  });
});
