import { describe, expect, it } from 'vitest';
import { drawVariants } from '../../src/homework/generate.js';
import { answerItems, itemsOf } from '../../src/homework/items.js';
import { loadHomework } from '../../src/homework/load.js';
import { loadRoster } from '../../src/homework/roster.js';
import type { Architecture } from '../../src/homework/spec.js';
import { biasRef, weightRef } from '../../src/network/notation.js';
import type { Problem } from '../../src/network/spec.js';
import { expectClose, lectureProblem } from '../helpers.js';

const sigma = (t: number) => 1 / (1 + Math.exp(-t));

interface HandOptions {
  dsigma?: (z: number, a: number) => number;
  outputDerivative?: boolean;
  lossFactor?: number;
  outputs?: number[];
  lateUpdate?: boolean;
}

/**
 * A 2-2-2 sigmoid network with shared biases, differentiated by hand with loops over the
 * two outputs: each mistake below is written from its own definition, not with cadena's code.
 */
function handBackprop(problem: Problem) {
  const [first, second] = problem.network.layers;
  const W1 = first!.weights;
  const W2 = second!.weights;
  const b1 = first!.bias as number;
  const b2 = second!.bias as number;
  const { input: x, target: y } = problem.samples[0]!;
  const eta = problem.learningRate;
  const z1 = [0, 1].map((j) => W1[j]![0]! * x[0]! + W1[j]![1]! * x[1]! + b1);
  const a1 = z1.map(sigma);
  const z2 = [0, 1].map((i) => W2[i]![0]! * a1[0]! + W2[i]![1]! * a1[1]! + b2);
  const yhat = z2.map(sigma);

  const firstLayer = (options: HandOptions = {}) => {
    const dsigma = options.dsigma ?? ((_z: number, a: number) => a * (1 - a));
    const outputs = options.outputs ?? [0, 1];
    let weights = W2;
    if (options.lateUpdate) {
      // W^{[2]} replaced by its update before δ^{[1]} is computed.
      const delta2 = [0, 1].map((i) => (yhat[i]! - y[i]!) * yhat[i]! * (1 - yhat[i]!));
      weights = W2.map((row, i) => row.map((w, j) => w - eta * delta2[i]! * a1[j]!));
    }
    const delta1 = [0, 1].map((j) =>
      outputs.reduce((sum, i) => {
        const dE = (options.lossFactor ?? 1) * (yhat[i]! - y[i]!);
        const dOut = options.outputDerivative === false ? 1 : dsigma(z2[i]!, yhat[i]!);
        return sum + dE * dOut * weights[i]![j]! * dsigma(z1[j]!, a1[j]!);
      }, 0),
    );
    return { delta1, weight: (j: number, k: number) => delta1[j]! * x[k]!, bias: delta1[0]! + delta1[1]! };
  };

  const right = firstLayer();
  const update = (theta: number, g: number) => theta - eta * g;
  /** Compute the value each model gives for w_{j,k}^{[1]} (0-based j, k) or, with j null, for b^{[1]}. */
  const mistake = (model: string, j: number | null, k: number): number | undefined => {
    const theta = j === null ? b1 : W1[j]![k]!;
    const pick = (hand: ReturnType<typeof firstLayer>) => (j === null ? hand.bias : hand.weight(j, k));
    const g = pick(right);
    switch (model) {
      case 'late-update':
        return update(theta, pick(firstLayer({ lateUpdate: true })));
      case 'sigmoid-z':
        return update(theta, pick(firstLayer({ dsigma: (z) => z * (1 - z) })));
      case 'sigmoid-mixed':
        return update(theta, pick(firstLayer({ dsigma: (z, a) => a * (1 - z) })));
      case 'sigmoid-twice':
        return update(theta, pick(firstLayer({ dsigma: (_z, a) => sigma(a) * (1 - sigma(a)) })));
      case 'one-path-y1':
        return update(theta, pick(firstLayer({ outputs: [0] })));
      case 'one-path-y2':
        return update(theta, pick(firstLayer({ outputs: [1] })));
      case 'wrong-sign':
        return theta + eta * g;
      case 'no-learning-rate':
        return theta - g;
      case 'gradient-sent':
        return g;
      case 'update-twice':
        return theta - 2 * eta * g;
      case 'no-output-derivative':
        return update(theta, pick(firstLayer({ outputDerivative: false })));
      case 'no-half':
        return update(theta, pick(firstLayer({ lossFactor: 2 })));
      case 'swapped-indices':
        return j === null || j === k ? undefined : update(theta, right.weight(k, j));
      case 'bias-one-neuron-1':
        return j === null ? update(theta, right.delta1[0]!) : undefined;
      case 'bias-one-neuron-2':
        return j === null ? update(theta, right.delta1[1]!) : undefined;
      default:
        throw new Error(`no hand computation for ${model}`);
    }
  };
  return { right: (j: number | null, k: number) => update(j === null ? b1 : W1[j]![k]!, j === null ? right.bias : right.weight(j, k)), mistake };
}

const architecture: Architecture = { sizes: [2, 2, 2], activations: ['sigmoid', 'sigmoid'], alphas: [0, 0], loss: 'mse_half', bias: 'shared' };
const firstLayerItems = itemsOf([{ kind: 'update', parameters: [weightRef(1, 1, 1), weightRef(1, 1, 2), weightRef(1, 2, 1), weightRef(1, 2, 2), biasRef(1, null)] }], architecture);
const allModels = ['late-update', 'sigmoid-z', 'sigmoid-mixed', 'sigmoid-twice', 'one-path-y1', 'one-path-y2', 'wrong-sign', 'no-learning-rate', 'gradient-sent', 'no-output-derivative', 'no-half', 'swapped-indices', 'bias-one-neuron-1', 'bias-one-neuron-2', 'update-twice'];

/** Compare every item's right value and every mistake value with the hand computation. */
function checkAgainstHand(problem: Problem): void {
  const hand = handBackprop(problem);
  for (const answer of answerItems(problem, firstLayerItems)) {
    const p = answer.item.parameter!;
    const [j, k] = p.kind === 'bias' ? [null, 0] : [p.row! - 1, p.col! - 1];
    expectClose(answer.value, hand.right(j, k));
    for (const model of allModels) {
      const expected = hand.mistake(model, j, k);
      const listed = answer.mistakes.find((mistake) => mistake.model === model);
      if (expected === undefined) expect(listed, `${answer.item.name} ${model}`).toBeUndefined();
      else expectClose(listed!.value, expected);
    }
  }
}

describe('mistake models', () => {
  it('match hand computation: lecture', () => {
    checkAgainstHand(lectureProblem());
  });

  it('match hand computation: example class', () => {
    const spec = loadHomework('exercises/tarea-clase6.yaml');
    const variants = drawVariants(spec, loadRoster('exercises/lista-clase6.csv'), 'a secret');
    expect(variants).toHaveLength(40);
    for (const variant of variants) checkAgainstHand(variant.problem);
  });

  it('keeps each interval around its value', () => {
    for (const answer of answerItems(lectureProblem(), firstLayerItems)) {
      for (const { value, interval } of [answer, ...answer.mistakes]) {
        expect(interval[0]).toBeLessThan(value);
        expect(interval[1]).toBeGreaterThan(value);
      }
    }
  });
});
