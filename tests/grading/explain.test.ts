import { describe, expect, it } from 'vitest';
import { explainGradient } from '../../src/grading/explain.js';
import type { AnswerKey } from '../../src/grading/key.js';
import { forwardPass } from '../../src/numeric/forward.js';
import { lectureProblem } from '../helpers.js';

// The lecture's network as an entry of an answer key.
const problem = lectureProblem();
const student = {
  id: 'A1',
  name: 'Ana',
  email: 'ana@example.edu',
  variant: 'K7P2QX',
  folder: 'A1',
  lr: 0.5,
  network: {
    input: [0.1, 0.5],
    target: [0.05, 0.95],
    layers: problem.network.layers.map((layer) => ({ weights: layer.weights, bias: layer.bias, activation: layer.activation })),
    loss: 'mse_half',
  },
  items: [],
} as AnswerKey['students'][number];
const pass = forwardPass(problem.network, problem.samples[0]!);
const [a1, a2] = pass.layers[0]!.a as [number, number];
const [z1] = pass.layers[0]!.z as [number, number];
const [yhat1] = pass.layers[1]!.a as [number, number];
// δ_1^{[2]} = (ŷ1 − y1) ŷ1 (1 − ŷ1), by hand.
const delta = (yhat1 - 0.05) * yhat1 * (1 - yhat1);

describe('explainGradient', () => {
  it('finds z used for a', () => {
    // dE/dw_{1,1}^{[2]} = δ_1^{[2]} a_1^{[1]}; with z_1^{[1]} in place of a_1^{[1]}:
    expect(explainGradient(student, 'w11^[2]', delta * z1, 5)).toEqual({ factor: 'a1^[1]', right: a1, used: 'z1^[1]', usedValue: z1 });
  });

  it('finds the other input', () => {
    expect(explainGradient(student, 'w11^[2]', delta * a2, 5)).toMatchObject({ factor: 'a1^[1]', used: 'a2^[1]' });
  });

  it('finds a dropped derivative', () => {
    // f'(z_1^{[2]}) replaced by 1.
    expect(explainGradient(student, 'w11^[2]', (yhat1 - 0.05) * a1, 5)).toMatchObject({ factor: "f'(z1^[2])", used: '1' });
  });

  it('does not guess', () => {
    expect(explainGradient(student, 'w11^[2]', 0.123456, 5)).toBeNull();
    expect(explainGradient(student, 'b^[2]', 0.1, 5)).toBeNull();
  });
});
