import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/grading/answers.js';
import { gradeAnswers } from '../../src/grading/grade.js';
import { answerItems, itemsOf } from '../../src/homework/items.js';
import { biasRef, weightRef } from '../../src/network/notation.js';
import { formatFixed } from '../../src/render/format.js';
import { lectureProblem } from '../helpers.js';

// The lecture's network with its first-layer updates asked, truncated to 5 decimals.
const problem = lectureProblem();
const architecture = { sizes: [2, 2, 2], activations: ['sigmoid', 'sigmoid'], alphas: [0, 0], loss: 'mse_half', bias: 'shared' } as const;
const items = answerItems(
  problem,
  itemsOf([{ kind: 'update', parameters: [weightRef(1, 1, 1), weightRef(1, 1, 2), biasRef(1, null)] }], { ...architecture, sizes: [2, 2, 2], activations: ['sigmoid', 'sigmoid'], alphas: [0, 0] }),
).map((answer) => ({ name: answer.item.name, value: answer.value, interval: answer.interval, mistakes: answer.mistakes }));
const printed = (name: string) => formatFixed(items.find((item) => item.name === name)!.value, { digits: 5, rounding: 'truncate', decimalComma: true });
const mistakeValue = (name: string, model: string) => items.find((item) => item.name === name)!.mistakes.find((m) => m.model === model)!.value;
const grade = (body: string) => Object.fromEntries(gradeAnswers(items, readAnswers(body), 5).map((g) => [g.name, g.result]));

describe('gradeAnswers', () => {
  it('accepts the printed answers', () => {
    const result = grade(`w11^[1] = ${printed('w11^[1]')}\nw_{1,2}^{[1]} = ${printed('w12^[1]')}\nb^{[1]}: ${printed('b^[1]')}`);
    expect(Object.values(result).map((r) => r.status)).toEqual(['correct', 'correct', 'correct']);
  });

  it('names the mistake', () => {
    const wrong = mistakeValue('w11^[1]', 'sigmoid-z').toFixed(5);
    expect(grade(`w11^[1] = ${wrong}`)['w11^[1]']).toMatchObject({ status: 'mistake', models: ['sigmoid-z'] });
    // With η = 0.5 three models give θ − g: all are named.
    const g = mistakeValue('w11^[1]', 'no-learning-rate').toFixed(5);
    expect(grade(`w11^[1] = ${g}`)['w11^[1]']).toMatchObject({ status: 'mistake', models: ['no-learning-rate', 'no-half', 'update-twice'] });
  });

  it('tells rounding from wrong', () => {
    const item = items.find((entry) => entry.name === 'w11^[1]')!;
    expect(grade(`w11^[1] = ${(item.interval[1] + 1e-5).toFixed(6)}`)['w11^[1]']!.status).toBe('rounding');
    expect(grade(`w11^[1] = ${(item.value + 0.01).toFixed(5)}`)['w11^[1]']!.status).toBe('wrong');
  });

  it('reports missing and ambiguous items', () => {
    const result = grade(`w11^[1] = 0,1\nw11^[1] = 0,2\nb^[1] = [0,7229, -0,3190]`);
    expect(result['w11^[1]']).toMatchObject({ status: 'ambiguous', reason: 'several-answers' });
    expect(result['b^[1]']).toMatchObject({ status: 'ambiguous', line: 3, reason: 'several-numbers' });
    expect(result['w12^[1]']).toEqual({ status: 'missing' });
  });

  it('never grades the un-updated weight as correct', () => {
    expect(grade('w11^[1] = 0.1')['w11^[1]']!.status).not.toBe('correct');
  });
});
