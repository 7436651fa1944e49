import { describe, expect, it } from 'vitest';
import { derive } from '../../src/derivation/derive.js';
import { biasRef, sameParameter, weightRef, type ParameterRef } from '../../src/network/notation.js';
import { defaultDisplay } from '../../src/network/spec.js';
import { backwardPass } from '../../src/numeric/backward.js';
import { forwardPass } from '../../src/numeric/forward.js';
import { optimizerDefaults } from '../../src/numeric/optimizer-config.js';
import { TrainingRandom } from '../../src/numeric/random.js';
import {
  batchGradient,
  glorotUniform,
  toNetwork,
  train,
  type MlpModel,
  type TrainingRun,
  type Variables,
} from '../../src/numeric/trainer.js';
import { expectClose } from '../helpers.js';

const xor = { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] };

function randomVariables(model: MlpModel, seed: number): Variables {
  // Biases are drawn too, so that a gradient that ignored them would show.
  const random = new TrainingRandom(seed);
  const variables = glorotUniform(model, random);
  for (let v = 1; v < variables.length; v += 2) for (let j = 0; j < variables[v]!.length; j++) variables[v]![j] = random.uniform(-0.5, 0.5);
  return variables;
}

const models: [string, MlpModel][] = [
  ['sigmoid mse', { sizes: [2, 3, 1], activations: ['sigmoid', 'sigmoid'], alphas: [0, 0], loss: 'mse' }],
  ['tanh bce', { sizes: [2, 4, 1], activations: ['tanh', 'sigmoid'], alphas: [0, 0], loss: 'binary_crossentropy' }],
  ['elu two outputs', { sizes: [3, 2, 2, 2], activations: ['elu', 'leaky_relu', 'sigmoid'], alphas: [1, 0.1, 0], loss: 'mse' }],
];

const dataFor = (model: MlpModel) =>
  model.sizes[0] === 2
    ? xor
    : { inputs: [[0.1, 0.5, -0.3], [0.9, -0.2, 0.4]], targets: [[0.05, 0.95], [1, 0]] };

describe('trainer gradients', () => {
  for (const [name, model] of models) {
    it(`${name} equals the engine`, () => {
      const variables = randomVariables(model, 7);
      const data = dataFor(model);
      const { loss, gradients } = batchGradient(model, variables, data);
      const network = toNetwork(model, variables);

      // The batch loss and gradient are means over examples of the engine's per-example values.
      let expectedLoss = 0;
      const perExample = data.inputs.map((input, i) => {
        const sample = { input, target: data.targets[i]! };
        expectedLoss += forwardPass(network, sample).total / data.inputs.length;
        return derive({ network, samples: [sample], learningRate: 1, display: defaultDisplay });
      });
      expectClose(loss, expectedLoss, 1e-12);

      const meanGradient = (p: ParameterRef) =>
        perExample.reduce((sum, d) => sum + d.parameters.find((q) => sameParameter(q.parameter, p))!.gradient, 0) / data.inputs.length;
      network.layers.forEach((layer, index) => {
        const l = index + 1;
        layer.weights.forEach((row, j) => {
          row.forEach((_w, k) => expectClose(gradients[2 * index]![j * row.length + k]!, meanGradient(weightRef(l, j + 1, k + 1)), 1e-10, 1e-14));
          expectClose(gradients[2 * index + 1]![j]!, meanGradient(biasRef(l, j + 1)), 1e-10, 1e-14);
        });
      });
    });
  }

  it('sigmoid bce matches backwardPass', () => {
    // The trainer takes δ^{[L]} = (ŷ − y)/n straight from the logits; the engine multiplies
    // dE/dŷ = (ŷ − y)/(n ŷ(1 − ŷ)) by σ'(z) = ŷ(1 − ŷ). Both must agree.
    const model = models[1]![1];
    const variables = randomVariables(model, 3);
    const network = toNetwork(model, variables);
    const { gradients } = batchGradient(model, variables, xor, [2]);
    const engine = backwardPass(network, { input: xor.inputs[2]!, target: xor.targets[2]! });
    engine.weights.forEach((layer, index) => layer.flat().forEach((g, i) => expectClose(gradients[2 * index]![i]!, g, 1e-12, 1e-15)));
    engine.biases.forEach((bias, index) => (bias as number[]).forEach((g, j) => expectClose(gradients[2 * index + 1]![j]!, g, 1e-12, 1e-15)));
  });

});

const run: TrainingRun = {
  model: { sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], alphas: [0, 0], loss: 'mse' },
  data: xor,
  optimizer: { ...optimizerDefaults.sgd, learningRate: 4.5 },
  epochs: 400,
  batchSize: null,
  shuffle: true,
  seed: 1,
  threshold: 0.5,
};

describe('train', () => {
  it('same seed, same result', () => {
    const first = train(run);
    const second = train(run);
    expect(Array.from(second.losses)).toEqual(Array.from(first.losses));
    expect(second.variables.map((v) => Array.from(v))).toEqual(first.variables.map((v) => Array.from(v)));
    expect(second.predictions).toEqual(first.predictions);
  });

  it('other seed, other start', () => {
    const a = train({ ...run, epochs: 1 });
    const b = train({ ...run, epochs: 1, seed: 2 });
    expect(a.losses[0]).not.toBe(b.losses[0]);
  });

  it('glorot limits', () => {
    // 2 → 7: r = √(6/9) ≈ 0.8165; 7 → 1: r = √(6/8) ≈ 0.866
    const model: MlpModel = { sizes: [2, 7, 1], activations: ['sigmoid', 'sigmoid'], alphas: [0, 0], loss: 'mse' };
    const all = Array.from({ length: 200 }, (_v, seed) => glorotUniform(model, new TrainingRandom(seed)));
    const first = all.flatMap((v) => Array.from(v[0]!));
    const second = all.flatMap((v) => Array.from(v[2]!));
    expect(Math.max(...first.map(Math.abs))).toBeLessThan(Math.sqrt(6 / 9));
    expect(Math.max(...first.map(Math.abs))).toBeGreaterThan(0.8);
    expect(Math.max(...second.map(Math.abs))).toBeLessThan(Math.sqrt(6 / 8));
    expect(all.every((v) => v[1]!.every((b) => b === 0) && v[3]!.every((b) => b === 0))).toBe(true);
  });

  it('full batch is gradient descent', () => {
    // One epoch of full-batch SGD is exactly θ − η · (mean gradient at the initial θ).
    const random = new TrainingRandom(run.seed);
    const initial = glorotUniform(run.model, random);
    const { gradients, loss } = batchGradient(run.model, initial, xor);
    const result = train({ ...run, epochs: 1 });
    result.variables.forEach((variable, v) => variable.forEach((theta, i) => expectClose(theta, initial[v]![i]! - 4.5 * gradients[v]![i]!, 1e-12, 1e-15)));
    expectClose(result.losses[0]!, loss, 1e-12);
  });

  it('epochs to success', () => {
    const result = train(run);
    if (result.success) {
      expect(result.epochsToSuccess).toBeGreaterThan(0);
      expect(result.predictions.every((p, i) => p[0]! > 0.5 === xor.targets[i]![0]! > 0.5)).toBe(true);
    } else {
      expect(result.epochsToSuccess).toBeNull();
    }
    expect(result.losses.length).toBe(400);
  });

  it('mini-batch updates', () => {
    // batch 1: four updates per epoch; the epoch loss is the mean of the losses each example saw.
    const result = train({ ...run, epochs: 3, batchSize: 1 });
    expect(result.losses.every(Number.isFinite)).toBe(true);
    const full = train({ ...run, epochs: 3 });
    expect(result.losses[2]).not.toBe(full.losses[2]);
  });

  it('divergence stops', () => {
    const result = train({
      ...run,
      model: { sizes: [2, 2, 1], activations: ['relu', 'linear'], alphas: [0, 0], loss: 'mse' },
      optimizer: { ...optimizerDefaults.sgd, learningRate: 1e6 },
      epochs: 50,
    });
    expect(result.diverged).toBe(true);
    expect(result.success).toBe(false);
  });
});
