import type { ActivationName } from '../activations/index.js';
import type { LossName } from '../losses/index.js';

export type Rounding = 'round' | 'truncate';

export interface Layer {
  /** weights[j][k]: neuron j of this layer, input k (both 0-based here, 1-based in print). */
  readonly weights: number[][];
  /** A number is one bias shared by the layer (b^[l]); an array has one per neuron (b_j^[l]). */
  readonly bias: number | number[];
  readonly activation: ActivationName;
  /** Parameter of leaky_relu and elu; the activation's default when absent. */
  readonly alpha: number;
}

export interface Network {
  readonly layers: Layer[];
  readonly loss: LossName;
}

/** One training example. */
export interface Sample {
  readonly input: number[];
  readonly target: number[];
}

export interface Display {
  readonly digits: number;
  readonly rounding: Rounding;
  readonly decimalComma: boolean;
  /** A parameter with more chain-rule paths than this is shown in δ-form. */
  readonly maxPaths: number;
}

/**
 * A network with the example to train on, the learning rate and how to print numbers.
 *
 * NOTE: `samples` has exactly one element for now; a batch will average E over samples.
 */
export interface Problem {
  readonly network: Network;
  readonly samples: Sample[];
  readonly learningRate: number;
  readonly display: Display;
}

/** Largest accepted `maxPaths`: beyond it a worked solution would run to thousands of pages. */
export const maxPathsLimit = 256;

export const defaultDisplay: Display = {
  digits: 5,
  rounding: 'round',
  decimalComma: false,
  maxPaths: 8,
};

export function layerSizes(network: Network): number[] {
  const first = network.layers[0];
  if (first === undefined) return [];
  return [first.weights[0]?.length ?? 0, ...network.layers.map((layer) => layer.weights.length)];
}

export function isSharedBias(layer: Layer): boolean {
  return typeof layer.bias === 'number';
}

export function biasOf(layer: Layer, row: number): number {
  return typeof layer.bias === 'number' ? layer.bias : (layer.bias[row] as number);
}
