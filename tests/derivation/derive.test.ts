import { describe, expect, it } from 'vitest';
import { derive } from '../../src/derivation/derive.js';
import type { Derivation } from '../../src/derivation/types.js';
import { biasRef, parameterPlain, weightRef, type ParameterRef } from '../../src/network/notation.js';
import type { Problem } from '../../src/network/spec.js';
import { backwardPass } from '../../src/numeric/backward.js';
import { finiteDifference } from '../../src/numeric/finite-difference.js';
import { expectClose, lectureProblem, makeProblem } from '../helpers.js';

/** Read the gradient of p from the δ-recursion backward pass. */
function backwardGradient(problem: Problem, p: ParameterRef): number {
  const gradients = backwardPass(problem.network, problem.samples[0]!);
  if (p.kind === 'weight') return gradients.weights[p.layer - 1]![p.row! - 1]![p.col! - 1]!;
  const bias = gradients.biases[p.layer - 1]!;
  return typeof bias === 'number' ? bias : bias[p.row! - 1]!;
}

/** Compare every gradient and update with finite differences and the δ recursion. */
function checkAgainstIndependentMethods(problem: Problem, derivation: Derivation): void {
  for (const p of derivation.parameters) {
    const name = parameterPlain(p.parameter);
    const fd = finiteDifference(problem.network, problem.samples[0]!, p.parameter);
    const delta = backwardGradient(problem, p.parameter);
    expect(() => expectClose(p.gradient, delta), `${name} vs backward pass`).not.toThrow();
    expect(() => expectClose(p.gradient, fd), `${name} vs finite differences`).not.toThrow();
    expect(() => expectClose(p.updated, p.value - problem.learningRate * delta), `${name} update`).not.toThrow();
  }
}

describe('derive on the lecture network', () => {
  const problem = lectureProblem();
  const derivation = derive(problem);

  it('derives all ten parameters', () => {
    expect(derivation.parameters.map((p) => parameterPlain(p.parameter))).toEqual([
      'w11^[2]', 'w12^[2]', 'w21^[2]', 'w22^[2]', 'b^[2]',
      'w11^[1]', 'w12^[1]', 'w21^[1]', 'w22^[1]', 'b^[1]',
    ]);
  });

  it('agrees with finite differences and backward pass', () => {
    checkAgainstIndependentMethods(problem, derivation);
  });

  it('splits w11^[1] into two terms', () => {
    const w11 = derivation.parameters.find((p) => parameterPlain(p.parameter) === 'w11^[1]')!;
    // E_1 path: 0.68492… · 0.19480… · 0.5 · 0.23978… · 0.1; E_2 path with 0.7 and ŷ_2's factors.
    expect(w11.terms.map((t) => t.paths.length)).toEqual([1, 1]);
    expectClose(w11.terms[0]!.value, 0.6849286127170141 * 0.19480854692685917 * 0.5 * 0.2397812407499373 * 0.1);
    expectClose(w11.terms[1]!.value, -0.17044611583224412 * 0.17184962584672095 * 0.7 * 0.2397812407499373 * 0.1);
    expect(w11.terms[0]!.paths[0]!.factors.map((f) => f.edge.id)).toEqual([
      'E_1|a_2_1', 'a_2_1|z_2_1', 'z_2_1|a_1_1', 'a_1_1|z_1_1', 'z_1_1|w_1_1_1',
    ]);
  });

  it('sums a shared bias over its neurons', () => {
    const b1 = derivation.parameters.find((p) => parameterPlain(p.parameter) === 'b^[1]')!;
    expect(b1.pathCount).toBe(4);
    expect(b1.terms.map((t) => t.paths.length)).toEqual([2, 2]);
  });

  it('marks factors computed earlier', () => {
    const w11 = derivation.parameters.find((p) => parameterPlain(p.parameter) === 'w11^[1]')!;
    const [first, second] = w11.terms.map((t) => t.paths[0]!.factors);
    // dE_1/dŷ_1 and dŷ_1/dz_1^[2] were worked out in w11^[2]'s section.
    expect(first![0]!.computedEarlier?.parameter).toEqual(weightRef(2, 1, 1));
    expect(first![2]!.computedEarlier).toBeNull();
    // In the E_2 path, da_1^[1]/dz_1^[1] and dz_1^[1]/dw11^[1] come from the E_1 path just above.
    expect(second![3]!.computedEarlier).toEqual({ parameter: weightRef(1, 1, 1), sameParameter: true });
    expect(second![4]!.computedEarlier?.sameParameter).toBe(true);
  });

  it('keeps the requested order', () => {
    const only = derive(problem, { parameters: [weightRef(1, 2, 1), biasRef(2, null)] });
    expect(only.parameters.map((p) => parameterPlain(p.parameter))).toEqual(['w21^[1]', 'b^[2]']);
    expect(only.parameters[0]!.terms[0]!.paths[0]!.factors[0]!.computedEarlier).toBeNull();
  });

  it('rejects a parameter outside the network', () => {
    expect(() => derive(problem, { parameters: [weightRef(3, 1, 1)] })).toThrow(/w11\^\[3\]/);
  });
});

describe('derive on other shapes', () => {
  it('three layers with tanh and relu', () => {
    const problem = makeProblem(
      [
        { weights: [[0.3, -0.1, 0.2], [0.5, 0.4, -0.3]], bias: [0.1, -0.2], activation: 'tanh' },
        { weights: [[0.7, -0.6], [0.2, 0.9], [-0.4, 0.3]], bias: 0.05, activation: 'relu' },
        { weights: [[0.6, -0.2, 0.8]], bias: [0.1], activation: 'sigmoid' },
      ],
      [1, 0.5, -0.7],
      [0.8],
      { learningRate: 0.1 },
    );
    const derivation = derive(problem);
    expect(derivation.parameters).toHaveLength(6 + 2 + 6 + 1 + 3 + 1);
    checkAgainstIndependentMethods(problem, derivation);
  });

  it('three outputs with leaky_relu, elu and mse', () => {
    const problem = makeProblem(
      [
        { weights: [[0.4, -0.8], [-0.6, 0.2]], bias: [0.1, 0.3], activation: 'leaky_relu', alpha: 0.1 },
        { weights: [[0.5, -0.3], [-0.9, 0.4], [0.2, 0.2]], bias: -0.1, activation: 'elu' },
      ],
      [0.9, 0.6],
      [0.2, -0.4, 0.5],
      { loss: 'mse', learningRate: 0.3 },
    );
    const derivation = derive(problem);
    expect(derivation.graph.lossTerms).toHaveLength(3);
    checkAgainstIndependentMethods(problem, derivation);
  });

  it('one output with a linear layer', () => {
    const problem = makeProblem(
      [
        { weights: [[0.2], [-0.5]], bias: [0, 0.1], activation: 'sigmoid' },
        { weights: [[1.5, -2]], bias: 0.3, activation: 'linear' },
      ],
      [2],
      [1],
    );
    checkAgainstIndependentMethods(problem, derive(problem));
  });

  it('switches to delta form above the path limit', () => {
    const weights = (rows: number, cols: number, seed: number) =>
      Array.from({ length: rows }, (_r, j) => Array.from({ length: cols }, (_c, k) => Math.sin(seed + 3 * j + k) / 2));
    const problem = makeProblem(
      [
        { weights: weights(8, 4, 1), bias: 0.1, activation: 'sigmoid' },
        { weights: weights(8, 8, 2), bias: 0.2, activation: 'tanh' },
        { weights: weights(4, 8, 3), bias: 0.3, activation: 'sigmoid' },
      ],
      [0.5, -0.2, 0.1, 0.9],
      [0, 1, 0, 1],
      { display: { maxPaths: 8 } },
    );
    const derivation = derive(problem);
    const first = derivation.parameters.find((p) => parameterPlain(p.parameter) === 'w11^[1]')!;
    // w_{1,1}^{[1]} → z_1^{[1]} → 8 neurons of layer 2 → 4 outputs, one term each: 8 · 4 paths.
    expect(first.pathCount).toBe(32);
    expect(first.form).toBe('delta');
    expect(derivation.parameters.find((p) => parameterPlain(p.parameter) === 'w11^[3]')!.form).toBe('paths');
    checkAgainstIndependentMethods(problem, derivation);
  });

  it('omits paths beyond the listing limit', () => {
    const weights = (rows: number, cols: number, seed: number) =>
      Array.from({ length: rows }, (_r, j) => Array.from({ length: cols }, (_c, k) => Math.cos(seed + 5 * j + k) / 2));
    const hidden = (seed: number, cols: number) => ({ weights: weights(6, cols, seed), bias: 0.1, activation: 'tanh' as const });
    const problem = makeProblem(
      [hidden(1, 3), hidden(2, 6), hidden(3, 6), hidden(4, 6), { weights: weights(2, 6, 5), bias: 0, activation: 'sigmoid' }],
      [0.3, -0.6, 0.9],
      [0, 1],
    );
    const derivation = derive(problem);
    const first = derivation.parameters.find((p) => parameterPlain(p.parameter) === 'w11^[1]')!;
    // z_1^[1] → 6 · 6 · 6 neurons of layers 2 to 4 → 2 outputs: 432 paths, above the limit of 256.
    expect(first.pathCount).toBe(432);
    expect(first.pathsOmitted).toBe(true);
    expect(first.terms.every((term) => term.paths.length === 0)).toBe(true);
    checkAgainstIndependentMethods(problem, derivation);
  });
});
