import type { ActivationName } from '../activations/index.js';
import { defaultDisplay, type Display } from '../network/spec.js';
import type { QuestionData } from './schema.js';
import type { Architecture, Quality, ValueDraws } from './spec.js';

// What a homework spec gets for each key it leaves out. Together they are the lecture's
// homework: update the weights and bias of layer 1 of the 2-2-2 sigmoid network.

/** The activation of every layer when `network.activation` is absent. */
export const defaultActivation: ActivationName = 'sigmoid';

/** The lecture's 2-2-2 network with sigmoid in both layers and one bias per layer. */
export const defaultArchitecture: Architecture = {
  sizes: [2, 2, 2],
  activations: [defaultActivation, defaultActivation],
  alphas: [0, 0],
  loss: 'mse_half',
  bias: 'shared',
};

/** Draws that give numbers like the lecture's: weights and inputs on a 0.01 grid, targets near 0 or 1. */
export const defaultValueDraws: ValueDraws = {
  weights: { kind: 'range', min: 0.1, max: 0.9, decimals: 2 },
  biases: { kind: 'range', min: 0.1, max: 0.6, decimals: 2 },
  inputs: { kind: 'range', min: 0.05, max: 0.95, decimals: 2 },
  targets: { kind: 'list', values: [0.01, 0.05, 0.1, 0.9, 0.95, 0.99] },
  learningRate: { kind: 'list', values: [0.5] },
};

/** The questions when `ask` is absent: update every weight and bias of layer 1. */
export const defaultAsk: readonly QuestionData[] = [{ update: 'layer 1' }];

/** Truncated to 5 decimals, as the slides print numbers. */
export const defaultHomeworkDisplay: Display = { ...defaultDisplay, digits: 5, rounding: 'truncate', decimalComma: false };

export const defaultQuality: Quality = { maxAbsZ: 4, maxTries: 1000 };

export const defaultSubject = '{homework} [{code}]';
