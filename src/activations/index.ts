import { elu } from './elu.js';
import { leakyRelu } from './leaky-relu.js';
import { linear } from './linear.js';
import { relu } from './relu.js';
import { sigmoid } from './sigmoid.js';
import { tanh } from './tanh.js';
import type { ActivationSpec } from './types.js';

export type { ActivationSpec } from './types.js';

// NOTE: softmax depends on every z of its layer, so it will need a Jacobian instead of
// the elementwise `derivative`. The graph already gives each a node a list of parents.
export const activations = {
  sigmoid,
  tanh,
  relu,
  leaky_relu: leakyRelu,
  elu,
  linear,
} as const satisfies Record<string, ActivationSpec>;

export type ActivationName = keyof typeof activations;

export const activationNames = Object.keys(activations) as ActivationName[];

export function isActivationName(name: string): name is ActivationName {
  return Object.hasOwn(activations, name);
}
