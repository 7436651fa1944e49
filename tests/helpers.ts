import type { ActivationName } from '../src/activations/index.js';
import type { LossName } from '../src/losses/index.js';
import { activations } from '../src/activations/index.js';
import { UserError } from '../src/errors.js';
import { defaultDisplay, type Display, type Problem } from '../src/network/spec.js';

export interface LayerInput {
  weights: number[][];
  bias: number | number[];
  activation: ActivationName;
  alpha?: number;
}

/** Build a Problem in code, with the activation's default alpha when none is given. */
export function makeProblem(
  layers: LayerInput[],
  input: number[],
  target: number[],
  options: { loss?: LossName; learningRate?: number; display?: Partial<Display> } = {},
): Problem {
  return {
    network: {
      layers: layers.map((layer) => ({
        ...layer,
        alpha: layer.alpha ?? activations[layer.activation].defaultAlpha ?? 0,
      })),
      loss: options.loss ?? 'mse_half',
    },
    samples: [{ input, target }],
    learningRate: options.learningRate ?? 0.5,
    display: { ...defaultDisplay, ...options.display },
  };
}

/** Build the 2-2-2 network of the backpropagation lecture (clase 6). */
export function lectureProblem(display: Partial<Display> = { rounding: 'truncate' }): Problem {
  return makeProblem(
    [
      { weights: [[0.1, 0.3], [0.2, 0.4]], bias: 0.25, activation: 'sigmoid' },
      { weights: [[0.5, 0.6], [0.7, 0.8]], bias: 0.35, activation: 'sigmoid' },
    ],
    [0.1, 0.5],
    [0.05, 0.95],
    { display },
  );
}

/** |actual − expected| within 1e-9 relative, with an absolute floor of 1e-12. */
export function expectClose(actual: number, expected: number, relative = 1e-9, floor = 1e-12): void {
  const tolerance = Math.max(relative * Math.abs(expected), floor);
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`expected ${actual} to be within ${tolerance} of ${expected} (off by ${Math.abs(actual - expected)})`);
  }
}

/** A user error's message in both languages. */
export interface Messages {
  readonly es: string;
  readonly en: string;
}

/** Run `action`, which must throw a UserError, and return its message in both languages. */
export function messagesOf(action: () => unknown): Messages {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return { es: error.messageIn('es'), en: error.messageIn('en') };
    throw error;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}
