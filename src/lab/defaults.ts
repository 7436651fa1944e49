import { defaultDisplay, type Display } from '../network/spec.js';
import { optimizerDefaults } from '../numeric/optimizer-config.js';
import type { ActivationPlots, Dataset, GradientProblems, ModelConfig, OptimizerSteps, TrainingConfig } from './spec.js';

// What a lab spec gets for each key it leaves out. Together they are the lecture's lab:
// XOR learnt by a 2-2-1 sigmoid network with full-batch gradient descent.

/** The four examples of XOR: the output is 1 when exactly one input is 1. */
export const defaultDataset: Dataset = {
  inputs: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  targets: [[0], [1], [1], [0]],
};

/** One hidden layer of two sigmoid neurons and one sigmoid output, trained on the mean squared error. */
export const defaultModel: ModelConfig = {
  hidden: [2],
  activation: 'sigmoid',
  outputActivation: 'sigmoid',
  alpha: 0,
  loss: 'mse',
};

/** Plain SGD with the lecture's learning rate 4.5, 200 epochs of full-batch steps on shuffled examples. */
export const defaultTraining: TrainingConfig = {
  optimizer: { ...optimizerDefaults.sgd, learningRate: 4.5 },
  epochs: 200,
  batchSize: null,
  shuffle: true,
};

export const defaultSeeds = 20;

export const defaultFirstSeed = 1;

/** Halfway between the two classes 0 and 1. */
export const defaultThreshold = 0.5;

/** Rounded to 5 decimals. `maxPaths` is not read from a lab file and keeps the network default. */
export const defaultLabDisplay: Display = { ...defaultDisplay, digits: 5, rounding: 'round', decimalComma: false };

/** One parameter w = 0.5 through three steps with the gradients 0.2, −0.1 and 0.15. */
export const defaultOptimizerSteps: OptimizerSteps = {
  parameter: 'w',
  initial: 0.5,
  gradients: [0.2, -0.1, 0.15],
  optimizers: [
    { label: null, config: { ...optimizerDefaults.sgd, learningRate: 0.1 } },
    { label: null, config: { ...optimizerDefaults.sgd, learningRate: 0.1, momentum: 0.9 } },
    { label: null, config: { ...optimizerDefaults.sgd, learningRate: 0.1, momentum: 0.9, nesterov: true } },
    { label: null, config: { ...optimizerDefaults.rmsprop, learningRate: 0.01 } },
    { label: null, config: { ...optimizerDefaults.adam, learningRate: 0.01 } },
  ],
};

/** Weight of a deep-network case when the spec leaves it out. */
export const defaultCaseWeight = 1;

/** Bias of a deep-network case when the spec leaves it out. */
export const defaultCaseBias = 0;

/**
 * Ten one-neuron layers from x = 1 to y = 0: sigmoid gradients vanish, ReLU with w = 1 passes
 * them unchanged, and ReLU with w = 2, b = −1 makes them explode.
 */
export const defaultGradientProblems: GradientProblems = {
  layers: 10,
  input: 1,
  target: 0,
  cases: [
    { label: null, activation: 'sigmoid', alpha: 0, weight: 1, bias: 0 },
    { label: null, activation: 'relu', alpha: 0, weight: 1, bias: 0 },
    { label: null, activation: 'relu', alpha: 0, weight: 2, bias: -1 },
  ],
};

export const defaultActivationPlots: ActivationPlots = {
  names: ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu'],
  from: -4,
  to: 4,
};
