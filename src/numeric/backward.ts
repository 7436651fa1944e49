import { activations } from '../activations/index.js';
import { losses } from '../losses/index.js';
import type { Network, Sample } from '../network/spec.js';
import { forwardPass, type ForwardPass } from './forward.js';

export interface Gradients {
  /** deltas[l − 1][j] = ∂E/∂z_j^{[l]}. */
  readonly deltas: number[][];
  /** weights[l − 1][j][k] = ∂E/∂w_{j,k}^{[l]}. */
  readonly weights: number[][][];
  /** ∂E/∂b^{[l]}: one number for a shared bias (Σ_j δ_j^{[l]}), else one per neuron. */
  readonly biases: (number | number[])[];
}

/**
 * Backward pass by the δ recursion, written independently of the symbolic engine:
 * δ^{[L]} = ∂E/∂ŷ ⊙ f'(z^{[L]}),  δ^{[l]} = (W^{[l+1]})ᵀ δ^{[l+1]} ⊙ f'(z^{[l]}),
 * ∂E/∂w_{j,k}^{[l]} = δ_j^{[l]} a_k^{[l−1]}.
 */
export function backwardPass(network: Network, sample: Sample, forward?: ForwardPass): Gradients {
  const pass = forward ?? forwardPass(network, sample);
  const depth = network.layers.length;
  const deltas: number[][] = new Array(depth);
  const loss = losses[network.loss];

  for (let l = depth; l >= 1; l--) {
    const layer = network.layers[l - 1]!;
    const { z, a } = pass.layers[l - 1]!;
    const activation = activations[layer.activation];
    const upstream =
      l === depth
        ? a.map((yhat, i) => loss.derivative(sample.target[i]!, yhat, a.length))
        : a.map((_value, j) => {
            const next = network.layers[l]!;
            let sum = 0;
            for (let m = 0; m < next.weights.length; m++) sum += next.weights[m]![j]! * deltas[l]![m]!;
            return sum;
          });
    deltas[l - 1] = upstream.map((dy, j) => dy * activation.derivative(z[j]!, a[j]!, layer.alpha));
  }

  const weights = network.layers.map((layer, index) => {
    const previous = index === 0 ? sample.input : pass.layers[index - 1]!.a;
    return layer.weights.map((row, j) => row.map((_w, k) => deltas[index]![j]! * previous[k]!));
  });
  const biases = network.layers.map((layer, index) =>
    typeof layer.bias === 'number'
      ? deltas[index]!.reduce((sum, delta) => sum + delta, 0)
      : deltas[index]!.slice(),
  );
  return { deltas, weights, biases };
}
