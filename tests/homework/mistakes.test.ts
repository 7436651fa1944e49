import { describe, expect, it } from 'vitest';
import { answerItems, itemsOf } from '../../src/homework/items.js';
import type { Architecture } from '../../src/homework/spec.js';
import { biasRef, weightRef } from '../../src/network/notation.js';
import { expectClose, lectureProblem } from '../helpers.js';

// The lecture's 2-2-2 sigmoid network, differentiated by hand below with loops over the
// two outputs: each mistake is written from its own definition, not with cadena's code.
const problem = lectureProblem();
const W1 = [[0.1, 0.3], [0.2, 0.4]];
const W2 = [[0.5, 0.6], [0.7, 0.8]];
const b1 = 0.25;
const b2 = 0.35;
const x = [0.1, 0.5];
const y = [0.05, 0.95];
const eta = 0.5;
const sigma = (t: number) => 1 / (1 + Math.exp(-t));

const z1 = [0, 1].map((j) => W1[j]![0]! * x[0]! + W1[j]![1]! * x[1]! + b1);
const a1 = z1.map(sigma);
const z2 = [0, 1].map((i) => W2[i]![0]! * a1[0]! + W2[i]![1]! * a1[1]! + b2);
const yhat = z2.map(sigma);

interface HandOptions {
  dsigma?: (z: number, a: number) => number;
  outputDerivative?: boolean;
  lossFactor?: number;
  outputs?: number[];
  secondLayer?: number[][];
}

/** ∂E/∂w_{j,k}^{[1]} and the δ^{[1]}, by the chain rule summed over the outputs i. */
function firstLayer(options: HandOptions = {}) {
  const dsigma = options.dsigma ?? ((_z, a) => a * (1 - a));
  const outputs = options.outputs ?? [0, 1];
  const weights = options.secondLayer ?? W2;
  const delta1 = [0, 1].map((j) =>
    outputs.reduce((sum, i) => {
      const dE = (options.lossFactor ?? 1) * (yhat[i]! - y[i]!);
      const dOut = options.outputDerivative === false ? 1 : dsigma(z2[i]!, yhat[i]!);
      return sum + dE * dOut * weights[i]![j]! * dsigma(z1[j]!, a1[j]!);
    }, 0),
  );
  const gradient = (j: number, k: number) => delta1[j]! * x[k]!;
  return { delta1, gradient };
}

const right = firstLayer();
const update = (theta: number, g: number) => theta - eta * g;
const architecture: Architecture = { sizes: [2, 2, 2], activations: ['sigmoid', 'sigmoid'], alphas: [0, 0], loss: 'mse_half', bias: 'shared' };
const items = itemsOf([{ kind: 'update', parameters: [weightRef(1, 1, 1), weightRef(1, 1, 2), weightRef(1, 2, 1), biasRef(1, null)] }], architecture);
const answers = answerItems(problem, items);
const answer = (name: string) => answers.find((entry) => entry.item.name === name)!;
const mistake = (name: string, model: string) => answer(name).mistakes.find((entry) => entry.model === model)?.value;

describe('mistake models on the lecture network', () => {
  it('gives the right updates', () => {
    expectClose(answer('w11^[1]').value, update(0.1, right.gradient(0, 0)));
    expectClose(answer('b^[1]').value, update(b1, right.delta1[0]! + right.delta1[1]!));
  });

  it('late-update', () => {
    // W^{[2]} replaced by its update before δ^{[1]} is computed.
    const delta2 = [0, 1].map((i) => (yhat[i]! - y[i]!) * yhat[i]! * (1 - yhat[i]!));
    const updated = W2.map((row, i) => row.map((w, j) => w - eta * delta2[i]! * a1[j]!));
    expectClose(mistake('w11^[1]', 'late-update')!, update(0.1, firstLayer({ secondLayer: updated }).gradient(0, 0)));
  });

  it('sigmoid-z, sigmoid-mixed, sigmoid-twice', () => {
    const forms = {
      'sigmoid-z': (z: number) => z * (1 - z),
      'sigmoid-mixed': (z: number, a: number) => a * (1 - z),
      'sigmoid-twice': (_z: number, a: number) => sigma(a) * (1 - sigma(a)),
    };
    for (const [model, dsigma] of Object.entries(forms)) {
      expectClose(mistake('w12^[1]', model)!, update(0.3, firstLayer({ dsigma }).gradient(0, 1)));
    }
  });

  it('one-path-y1, one-path-y2', () => {
    expectClose(mistake('w21^[1]', 'one-path-y1')!, update(0.2, firstLayer({ outputs: [0] }).gradient(1, 0)));
    expectClose(mistake('w21^[1]', 'one-path-y2')!, update(0.2, firstLayer({ outputs: [1] }).gradient(1, 0)));
  });

  it('wrong-sign, no-learning-rate, gradient-sent, update-twice', () => {
    const g = right.gradient(0, 0);
    expectClose(mistake('w11^[1]', 'wrong-sign')!, 0.1 + eta * g);
    expectClose(mistake('w11^[1]', 'no-learning-rate')!, 0.1 - g);
    expectClose(mistake('w11^[1]', 'gradient-sent')!, g);
    expectClose(mistake('w11^[1]', 'update-twice')!, 0.1 - 2 * eta * g);
  });

  it('no-output-derivative, no-half', () => {
    expectClose(mistake('w11^[1]', 'no-output-derivative')!, update(0.1, firstLayer({ outputDerivative: false }).gradient(0, 0)));
    expectClose(mistake('w11^[1]', 'no-half')!, update(0.1, firstLayer({ lossFactor: 2 }).gradient(0, 0)));
  });

  it('swapped-indices', () => {
    expectClose(mistake('w12^[1]', 'swapped-indices')!, update(0.3, right.gradient(1, 0)));
    // w_{1,1} is its own swap: the model does not apply.
    expect(mistake('w11^[1]', 'swapped-indices')).toBeUndefined();
  });

  it('bias-one-neuron-1, bias-one-neuron-2', () => {
    expectClose(mistake('b^[1]', 'bias-one-neuron-1')!, update(b1, right.delta1[0]!));
    expectClose(mistake('b^[1]', 'bias-one-neuron-2')!, update(b1, right.delta1[1]!));
    expect(mistake('w11^[1]', 'bias-one-neuron-1')).toBeUndefined();
  });

  it('keeps each interval around its value', () => {
    for (const entry of answers) {
      for (const { value, interval } of [entry, ...entry.mistakes]) {
        expect(interval[0]).toBeLessThan(value);
        expect(interval[1]).toBeGreaterThan(value);
      }
    }
  });
});
