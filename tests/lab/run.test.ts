import { describe, expect, it } from 'vitest';
import { downsampled, median, mlpModel, runSetting, settingsOf } from '../../src/lab/run.js';
import type { Experiment, LabSpec, ModelConfig, TrainingConfig } from '../../src/lab/spec.js';
import { defaultDisplay } from '../../src/network/spec.js';
import { optimizerDefaults } from '../../src/numeric/optimizer-config.js';
import { train } from '../../src/numeric/trainer.js';

const model: ModelConfig = { hidden: [2], activation: 'sigmoid', outputActivation: 'sigmoid', alpha: 0, loss: 'mse' };
const training: TrainingConfig = { optimizer: { ...optimizerDefaults.sgd, learningRate: 4.5 }, epochs: 50, batchSize: null, shuffle: true };
const xor = { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] };

function experiment(vary: Experiment['vary']): Experiment {
  return { id: 'e', title: 'E', question: null, text: null, model, training, vary, focus: null, predictions: true, boundaries: false };
}

function lab(seeds: number): LabSpec {
  return {
    id: 'xor',
    title: 'XOR',
    intro: null,
    seeds,
    firstSeed: 1,
    threshold: 0.5,
    data: xor,
    model,
    training,
    experiments: [],
    optimizerSteps: null,
    gradientProblems: null,
    activations: null,
    display: defaultDisplay,
  };
}

describe('settingsOf', () => {
  it('crosses swept keys, epochs fastest', () => {
    const settings = settingsOf(experiment({ hidden: [[7], [2]], epochs: [200, 400] }));
    expect(settings.map((s) => [s.model.hidden[0], s.training.epochs])).toEqual([
      [7, 200],
      [7, 400],
      [2, 200],
      [2, 400],
    ]);
  });

  it('learning rate replaces the optimizer one', () => {
    const adam = { label: null, config: { ...optimizerDefaults.adam } };
    const settings = settingsOf(experiment({ optimizer: [adam], learningRate: [0.1, 0.5] }));
    expect(settings.map((s) => [s.training.optimizer.name, s.training.optimizer.learningRate])).toEqual([
      ['adam', 0.1],
      ['adam', 0.5],
    ]);
  });

  it('keeps unswept keys', () => {
    const [only] = settingsOf(experiment({ batchSize: [1] }));
    expect(only!.training).toEqual({ ...training, batchSize: 1 });
    expect(only!.model).toBe(model);
  });
});

describe('runSetting', () => {
  it('summarises the seeds', () => {
    const spec = lab(5);
    const [setting] = settingsOf(experiment({ epochs: [300] }));
    const result = runSetting(spec, setting!);
    const direct = [1, 2, 3, 4, 5].map((seed) =>
      train({ model: mlpModel(model, 2, 1), data: xor, ...setting!.training, seed, threshold: 0.5 }),
    );
    expect(result.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(result.successes).toBe(direct.filter((run) => run.success).length);
    expect(result.medianFinalLoss).toBe(median(direct.map((run) => run.finalLoss)));
    expect(result.first.losses).toEqual(direct[0]!.losses);
    expect(Array.from(result.curves[4]!.losses)).toEqual(Array.from(direct[4]!.losses));
  });
});

describe('downsampled', () => {
  it('keeps a short curve whole', () => {
    const curve = downsampled(Float64Array.of(0.3, 0.2, 0.1));
    expect(Array.from(curve.epochs)).toEqual([1, 2, 3]);
    expect(Array.from(curve.losses)).toEqual([0.3, 0.2, 0.1]);
  });

  it('keeps extremes of a long curve', () => {
    // 10 000 epochs falling from 1 with one spike of 5 at epoch 7001.
    const losses = Float64Array.from({ length: 10_000 }, (_v, i) => 1 / (1 + i));
    losses[7000] = 5;
    const curve = downsampled(losses);
    expect(curve.epochs.length).toBeLessThanOrEqual(2000);
    expect(Math.max(...curve.losses)).toBe(5);
    expect(curve.epochs[curve.losses.indexOf(5)]).toBe(7001);
    expect(curve.epochs[curve.epochs.length - 1]).toBe(10_000);
  });
});

describe('median', () => {
  it('odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('mlpModel', () => {
  it('hidden then output layers', () => {
    expect(mlpModel({ ...model, hidden: [4, 3], activation: 'elu', alpha: 0.5 }, 2, 1)).toEqual({
      sizes: [2, 4, 3, 1],
      activations: ['elu', 'elu', 'sigmoid'],
      alphas: [0.5, 0.5, 0],
      loss: 'mse',
    });
  });
});
