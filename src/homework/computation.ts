import { activations, type ActivationName } from '../activations/index.js';
import type { LossName } from '../losses/index.js';
import type { ParameterRef } from '../network/notation.js';
import { biasOf, type Problem } from '../network/spec.js';
import type { Arithmetic } from './arithmetic.js';

/**
 * A way of doing one step of backpropagation by hand: the right one, or one with a known
 * misconception. Mistake models (mistakes.ts) are named misconceptions.
 */
export interface Misconception {
  /** The form of σ'(z): a(1 − a) is right, and the others are common slips. */
  readonly sigmoidDerivative: 'a(1-a)' | 'z(1-z)' | 'a(1-z)' | 'sigma(a)';
  /** The output activation's derivative left out of δ^{[L]}. */
  readonly dropOutputDerivative: boolean;
  /** The ½ of E_i = ½(y_i − ŷ_i)² dropped, so E_i and dE_i/dŷ_i double. */
  readonly dropHalf: boolean;
  /** Each layer updated before the layer below it is differentiated, so δ flows through new weights. */
  readonly lateUpdate: boolean;
  /** The backward pass started from ŷ_i alone (0-based), as if θ reached E only through it. */
  readonly onlyOutput: number | null;
  /** w_{j,k} updated with the gradient of w_{k,j}. */
  readonly swapIndices: boolean;
  /** A shared bias's gradient taken from neuron j (0-based) instead of summed over the layer. */
  readonly biasFromNeuron: number | null;
  /** The update rule: θ − η g is right. */
  readonly update: 'right' | 'wrong-sign' | 'no-learning-rate' | 'gradient-sent' | 'twice';
}

export const rightWay: Misconception = {
  sigmoidDerivative: 'a(1-a)',
  dropOutputDerivative: false,
  dropHalf: false,
  lateUpdate: false,
  onlyOutput: null,
  swapIndices: false,
  biasFromNeuron: null,
  update: 'right',
};

/** Everything a student computes in one step, in the arithmetic it was done in. */
export interface StudentWork<T> {
  /** z^{[l]} and a^{[l]} at index l − 1. */
  readonly z: T[][];
  readonly a: T[][];
  /** E_i per output, and E. */
  readonly terms: T[];
  readonly total: T;
  /** ∂E/∂θ as the student takes it for θ's update. */
  gradient(p: ParameterRef): T;
  /** θ after the step. */
  updated(p: ParameterRef): T;
}

/**
 * Compute one forward pass, backward pass and update step by step, as a student does it:
 * every intermediate value goes through `written`. With floatArithmetic this is plain
 * float64 backpropagation (the tests compare it with the engine).
 */
export function studentWork<T>(ar: Arithmetic<T>, problem: Problem, m: Misconception): StudentWork<T> {
  const { network, learningRate } = problem;
  const sample = problem.samples[0]!;
  const depth = network.layers.length;

  // Forward pass: z = W a + b, a = f(z).
  const z: T[][] = [];
  const a: T[][] = [];
  let previous = sample.input.map(ar.of);
  network.layers.forEach((layer, index) => {
    const f = activations[layer.activation];
    z[index] = layer.weights.map((row, j) => ar.written(row.reduce((sum, w, k) => ar.add(sum, ar.mul(ar.of(w), previous[k]!)), ar.of(biasOf(layer, j)))));
    a[index] = z[index]!.map((value) => ar.written(ar.piecewise((x) => f.forward(x, layer.alpha), value, 0)));
    previous = a[index]!;
  });
  const yhat = a[depth - 1]!;
  const n = yhat.length;
  const terms = yhat.map((value, i) => ar.written(lossTerm(ar, network.loss, m.dropHalf, sample.target[i]!, value, n)));
  const total = ar.written(terms.reduce((sum, term) => ar.add(sum, term), ar.of(0)));

  // Backward pass: δ^{[L]} = dE/dŷ ⊙ f'(z^{[L]}), δ^{[l]} = (W^{[l+1]})ᵀ δ^{[l+1]} ⊙ f'(z^{[l]}).
  const deltas: T[][] = [];
  const weightGradients: T[][][] = [];
  const weightsUsed: T[][][] = network.layers.map((layer) => layer.weights.map((row) => row.map(ar.of)));
  for (let l = depth; l >= 1; l--) {
    const index = l - 1;
    const layer = network.layers[index]!;
    const derivative = (j: number) => ar.written(activationDerivative(ar, layer.activation, layer.alpha, m.sigmoidDerivative, z[index]![j]!, a[index]![j]!));
    if (l === depth) {
      deltas[index] = yhat.map((value, i) => {
        if (m.onlyOutput !== null && m.onlyOutput !== i) return ar.of(0);
        const upstream = ar.written(lossDerivative(ar, network.loss, m.dropHalf, sample.target[i]!, value, n));
        return m.dropOutputDerivative ? upstream : ar.written(ar.mul(upstream, derivative(i)));
      });
    } else {
      const above = weightsUsed[index + 1]!;
      deltas[index] = a[index]!.map((_value, k) => {
        const upstream = ar.written(above.reduce((sum, row, j) => ar.add(sum, ar.mul(row[k]!, deltas[index + 1]![j]!)), ar.of(0)));
        return ar.written(ar.mul(upstream, derivative(k)));
      });
    }
    const inputs = index === 0 ? sample.input.map(ar.of) : a[index - 1]!;
    weightGradients[index] = layer.weights.map((row, j) => row.map((_w, k) => ar.written(ar.mul(deltas[index]![j]!, inputs[k]!))));
    if (m.lateUpdate) {
      // The student has already replaced W^{[l]} by its update when moving to layer l − 1.
      const rate = ar.of(learningRate);
      weightsUsed[index] = weightGradients[index]!.map((row, j) => row.map((g, k) => ar.written(ar.sub(weightsUsed[index]![j]![k]!, ar.written(ar.mul(rate, g))))));
    }
  }

  const gradient = (p: ParameterRef): T => {
    const index = p.layer - 1;
    // A swap or a single neuron that does not exist in this layer leaves the answer right.
    if (p.kind === 'weight') {
      const swapped = m.swapIndices ? weightGradients[index]![p.col! - 1]?.[p.row! - 1] : undefined;
      return swapped ?? weightGradients[index]![p.row! - 1]![p.col! - 1]!;
    }
    const layerDeltas = deltas[index]!;
    if (p.row !== null) return layerDeltas[p.row - 1]!;
    const single = m.biasFromNeuron === null ? undefined : layerDeltas[m.biasFromNeuron];
    if (single !== undefined && layerDeltas.length > 1) return single;
    return ar.written(layerDeltas.reduce((sum, delta) => ar.add(sum, delta), ar.of(0)));
  };

  const updated = (p: ParameterRef): T => {
    const theta = ar.of(parameterValueOf(problem, p));
    const g = gradient(p);
    const step = (rate: number) => ar.written(ar.mul(ar.of(rate), g));
    switch (m.update) {
      case 'right':
        return ar.written(ar.sub(theta, step(learningRate)));
      case 'wrong-sign':
        return ar.written(ar.add(theta, step(learningRate)));
      case 'no-learning-rate':
        return ar.written(ar.sub(theta, g));
      case 'gradient-sent':
        return g;
      case 'twice':
        return ar.written(ar.sub(ar.written(ar.sub(theta, step(learningRate))), step(learningRate)));
    }
  };

  return { z, a, terms, total, gradient, updated };
}

function parameterValueOf(problem: Problem, p: ParameterRef): number {
  const layer = problem.network.layers[p.layer - 1]!;
  return p.kind === 'weight' ? layer.weights[p.row! - 1]![p.col! - 1]! : biasOf(layer, (p.row ?? 1) - 1);
}

const unsupportedLoss = 'homework specs accept only mse_half and mse: checks.ts must have refused this loss';

/** E_i = ½(y − ŷ)² or (1/n)(y − ŷ)². */
function lossTerm<T>(ar: Arithmetic<T>, loss: LossName, dropHalf: boolean, y: number, yhat: T, n: number): T {
  const difference = ar.sub(ar.of(y), yhat);
  const square = ar.mul(difference, difference);
  switch (loss) {
    case 'mse_half':
      return dropHalf ? square : ar.mul(ar.of(0.5), square);
    case 'mse':
      return ar.mul(ar.of(1 / n), square);
    case 'binary_crossentropy':
      throw new Error(unsupportedLoss);
  }
}

/** dE_i/dŷ_i = ŷ − y or (2/n)(ŷ − y). */
function lossDerivative<T>(ar: Arithmetic<T>, loss: LossName, dropHalf: boolean, y: number, yhat: T, n: number): T {
  const difference = ar.sub(yhat, ar.of(y));
  switch (loss) {
    case 'mse_half':
      return dropHalf ? ar.mul(ar.of(2), difference) : difference;
    case 'mse':
      return ar.mul(ar.of(2 / n), difference);
    case 'binary_crossentropy':
      throw new Error(unsupportedLoss);
  }
}

/** f'(z) in textbook form: from a for σ and tanh, from z for the piecewise activations. */
function activationDerivative<T>(ar: Arithmetic<T>, name: ActivationName, alpha: number, sigmoidForm: Misconception['sigmoidDerivative'], z: T, a: T): T {
  const one = ar.of(1);
  if (name === 'sigmoid') {
    switch (sigmoidForm) {
      case 'a(1-a)':
        return ar.mul(a, ar.sub(one, a));
      case 'z(1-z)':
        return ar.mul(z, ar.sub(one, z));
      case 'a(1-z)':
        return ar.mul(a, ar.sub(one, z));
      case 'sigma(a)': {
        const s = ar.written(ar.piecewise((x) => activations.sigmoid.forward(x, 0), a, 0));
        return ar.mul(s, ar.sub(one, s));
      }
    }
  }
  if (name === 'tanh') return ar.sub(one, ar.mul(a, a));
  const f = activations[name];
  return ar.piecewise((x) => f.derivative(x, f.forward(x, alpha), alpha), z, 0);
}
