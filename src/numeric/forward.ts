import { activations } from '../activations/index.js';
import { losses } from '../losses/index.js';
import { biasOf, type Network, type Sample } from '../network/spec.js';

export interface LayerValues {
  readonly z: number[];
  readonly a: number[];
}

export interface ForwardPass {
  /** z^{[l]} and a^{[l]} at index l − 1. */
  readonly layers: LayerValues[];
  /** E_i for each output i. */
  readonly terms: number[];
  readonly total: number;
}

/** Plain float64 forward pass: z^{[l]} = W^{[l]} a^{[l−1]} + b^{[l]}, a^{[l]} = f(z^{[l]}). */
export function forwardPass(network: Network, sample: Sample): ForwardPass {
  const layers: LayerValues[] = [];
  let previous = sample.input;

  for (const layer of network.layers) {
    const activation = activations[layer.activation];
    const z = layer.weights.map((row, j) => {
      let sum = biasOf(layer, j);
      for (let k = 0; k < row.length; k++) sum += row[k]! * previous[k]!;
      return sum;
    });
    const a = z.map((value) => activation.forward(value, layer.alpha));
    layers.push({ z, a });
    previous = a;
  }

  const loss = losses[network.loss];
  const n = previous.length;
  const terms = previous.map((yhat, i) => loss.forward(sample.target[i]!, yhat, n));
  const total = terms.reduce((sum, term) => sum + term, 0);
  return { layers, terms, total };
}
