import { describe, expect, it } from 'vitest';
import { median, mlpModel, runSetting, settingsOf } from '../../src/lab/run.js';
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
    expect(result.runs[0]!.losses).toEqual(direct[0]!.losses);
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
