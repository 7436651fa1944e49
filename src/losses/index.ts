import { binaryCrossentropy } from './binary-crossentropy.js';
import { mse } from './mse.js';
import { mseHalf } from './mse-half.js';
import type { LossSpec } from './types.js';

export type { LossSpec } from './types.js';

// NOTE: categorical cross-entropy paired with softmax couples every output; its term
// E_i = −y_i log ŷ_i still fits this per-output form, the coupling lives in softmax.
export const losses = {
  mse_half: mseHalf,
  mse,
  binary_crossentropy: binaryCrossentropy,
} as const satisfies Record<string, LossSpec>;

export type LossName = keyof typeof losses;

export const lossNames = Object.keys(losses) as LossName[];

export function isLossName(name: string): name is LossName {
  return Object.hasOwn(losses, name);
}
