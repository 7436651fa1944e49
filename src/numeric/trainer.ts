import { activations, type ActivationName, type ActivationSpec } from '../activations/index.js';
import type { LossName } from '../losses/index.js';
import type { Network } from '../network/spec.js';
import type { OptimizerConfig } from './optimizer-config.js';
import { createOptimizer } from './optimizers.js';
import { TrainingRandom } from './random.js';

/** The losses the trainer offers, by their Keras names. */
export type TrainingLossName = Extract<LossName, 'mse' | 'binary_crossentropy'>;

/** A Keras Sequential model of Dense layers, each with its own bias per neuron. */
export interface MlpModel {
  /** Neurons per layer, inputs first: [2, 2, 1] is XOR's 2-2-1 network. */
  readonly sizes: readonly number[];
  /** Activation of each layer after the inputs. */
  readonly activations: readonly ActivationName[];
  /** alpha of each layer (leaky_relu, elu); ignored by the others. */
  readonly alphas: readonly number[];
  readonly loss: TrainingLossName;
}

/**
 * The trainable variables in Keras's order: kernel of layer 1, bias of layer 1, kernel of
 * layer 2… A kernel is stored row by row as w_{j,k}^{[l]} at index (j − 1)·n_{l−1} + (k − 1).
 */
export type Variables = Float64Array[];

export interface Dataset {
  readonly inputs: readonly (readonly number[])[];
  readonly targets: readonly (readonly number[])[];
}

export interface TrainingRun {
  readonly model: MlpModel;
  readonly data: Dataset;
  readonly optimizer: OptimizerConfig;
  readonly epochs: number;
  /** Examples per update; null is the whole data set. */
  readonly batchSize: number | null;
  readonly shuffle: boolean;
  /** Seeds the Glorot initialisation and the shuffles. */
  readonly seed: number;
  /** An output counts as class 1 when it is above this. */
  readonly threshold: number;
}

export interface TrainingResult {
  /** Keras's history["loss"]: per epoch, the mean loss over the examples as each batch saw them. */
  readonly losses: Float64Array;
  /** Loss of the trained model over the whole data set (Keras's evaluate). */
  readonly finalLoss: number;
  /** Outputs of the trained model for each example. */
  readonly predictions: number[][];
  /** Every output on the right side of the threshold after the last epoch. */
  readonly success: boolean;
  /** The first epoch from which every output stayed on the right side; null without success. */
  readonly epochsToSuccess: number | null;
  /** The loss or an output stopped being a finite number; training stopped at that epoch. */
  readonly diverged: boolean;
  readonly variables: Variables;
}

/** Lengths of the variables of a model, in Keras's order. */
export function variableSizes(model: MlpModel): number[] {
  const sizes: number[] = [];
  for (let l = 1; l < model.sizes.length; l++) sizes.push(model.sizes[l]! * model.sizes[l - 1]!, model.sizes[l]!);
  return sizes;
}

/**
 * Keras's default initialisation: kernels Glorot uniform, w ~ U(−r, r) with
 * r = √(6 / (fan_in + fan_out)), and biases zero.
 */
export function glorotUniform(model: MlpModel, random: TrainingRandom): Variables {
  const variables: Variables = [];
  for (let l = 1; l < model.sizes.length; l++) {
    const fanIn = model.sizes[l - 1]!;
    const fanOut = model.sizes[l]!;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const kernel = new Float64Array(fanIn * fanOut);
    for (let i = 0; i < kernel.length; i++) kernel[i] = random.uniform(-limit, limit);
    variables.push(kernel, new Float64Array(fanOut));
  }
  return variables;
}

/**
 * Forward and backward passes over examples, with buffers allocated once per model.
 * The gradient is the engine's: δ^{[L]} = ∂E/∂ŷ ⊙ f'(z^{[L]}), δ^{[l]} = (W^{[l+1]})ᵀ δ^{[l+1]} ⊙ f'(z^{[l]}),
 * ∂E/∂w_{j,k}^{[l]} = δ_j^{[l]} a_k^{[l−1]}, averaged over the batch as Keras's losses are.
 */
export class MlpPass {
  /** z^{[l]} and a^{[l]} at index l; a^{[0]} is the input. */
  private readonly z: Float64Array[];
  private readonly a: Float64Array[];
  private readonly delta: Float64Array[];
  private readonly layerActivations: ActivationSpec[];
  private readonly depth: number;
  /** Sigmoid output with cross-entropy: δ^{[L]} = (ŷ − y)/n and the loss from z, as Keras computes it. */
  private readonly fromLogits: boolean;

  constructor(readonly model: MlpModel) {
    this.depth = model.sizes.length - 1;
    this.z = model.sizes.map((size) => new Float64Array(size));
    this.a = model.sizes.map((size) => new Float64Array(size));
    this.delta = model.sizes.map((size) => new Float64Array(size));
    this.layerActivations = model.activations.map((name) => activations[name]);
    this.fromLogits = model.loss === 'binary_crossentropy' && model.activations[this.depth - 1] === 'sigmoid';
  }

  /** Computes every a^{[l]} for one input and returns ŷ (a view into the buffers, valid until the next call). */
  forward(variables: Variables, input: readonly number[]): Float64Array {
    const a0 = this.a[0]!;
    for (let k = 0; k < a0.length; k++) a0[k] = input[k]!;

    for (let l = 1; l <= this.depth; l++) {
      const kernel = variables[2 * (l - 1)]!;
      const bias = variables[2 * (l - 1) + 1]!;
      const previous = this.a[l - 1]!;
      const z = this.z[l]!;
      const a = this.a[l]!;
      const activation = this.layerActivations[l - 1]!;
      const alpha = this.model.alphas[l - 1]!;
      const fanIn = previous.length;
      for (let j = 0; j < z.length; j++) {
        let sum = bias[j]!;
        const row = j * fanIn;
        for (let k = 0; k < fanIn; k++) sum += kernel[row + k]! * previous[k]!;
        z[j] = sum;
        a[j] = activation.forward(sum, alpha);
      }
    }
    return this.a[this.depth]!;
  }

  /** Loss of the example whose forward pass was computed last: Keras's mean over outputs. */
  loss(target: readonly number[]): number {
    const yhat = this.a[this.depth]!;
    const z = this.z[this.depth]!;
    const n = yhat.length;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const y = target[i]!;
      if (this.model.loss === 'mse') {
        sum += (y - yhat[i]!) ** 2;
      } else if (this.fromLogits) {
        // −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) − z y + log(1 + e^{−|z|}), exact for any z.
        const zi = z[i]!;
        sum += Math.max(zi, 0) - zi * y + Math.log1p(Math.exp(-Math.abs(zi)));
      } else {
        sum -= y * Math.log(yhat[i]!) + (1 - y) * Math.log1p(-yhat[i]!);
      }
    }
    return sum / n;
  }

  /** Adds scale · ∂E/∂θ of the last forward example to `gradients`. */
  accumulate(variables: Variables, target: readonly number[], scale: number, gradients: Variables): void {
    const L = this.depth;
    const yhat = this.a[L]!;
    const n = yhat.length;
    const deltaL = this.delta[L]!;
    const output = this.layerActivations[L - 1]!;
    for (let i = 0; i < n; i++) {
      const y = target[i]!;
      const p = yhat[i]!;
      if (this.fromLogits) {
        deltaL[i] = (p - y) / n;
        continue;
      }
      const dE = this.model.loss === 'mse' ? (2 / n) * (p - y) : (p - y) / (n * p * (1 - p));
      deltaL[i] = dE * output.derivative(this.z[L]![i]!, p, this.model.alphas[L - 1]!);
    }

    for (let l = L; l >= 1; l--) {
      const delta = this.delta[l]!;
      const previous = this.a[l - 1]!;
      const kernelGradient = gradients[2 * (l - 1)]!;
      const biasGradient = gradients[2 * (l - 1) + 1]!;
      const fanIn = previous.length;
      for (let j = 0; j < delta.length; j++) {
        const d = scale * delta[j]!;
        biasGradient[j] = biasGradient[j]! + d;
        const row = j * fanIn;
        for (let k = 0; k < fanIn; k++) kernelGradient[row + k] = kernelGradient[row + k]! + d * previous[k]!;
      }
      if (l === 1) break;

      const kernel = variables[2 * (l - 1)]!;
      const below = this.delta[l - 1]!;
      const activation = this.layerActivations[l - 2]!;
      const alpha = this.model.alphas[l - 2]!;
      for (let k = 0; k < fanIn; k++) {
        let sum = 0;
        for (let j = 0; j < delta.length; j++) sum += kernel[j * fanIn + k]! * delta[j]!;
        below[k] = sum * activation.derivative(this.z[l - 1]![k]!, previous[k]!, alpha);
      }
    }
  }
}

/**
 * Mean loss and gradient over the examples at `indices` (all when omitted): what one
 * full-batch or mini-batch update of Keras's fit uses.
 */
export function batchGradient(
  model: MlpModel,
  variables: Variables,
  data: Dataset,
  indices: readonly number[] = data.inputs.map((_x, i) => i),
): { loss: number; gradients: Variables } {
  const pass = new MlpPass(model);
  const gradients = variableSizes(model).map((size) => new Float64Array(size));
  let loss = 0;
  for (const i of indices) {
    pass.forward(variables, data.inputs[i]!);
    loss += pass.loss(data.targets[i]!);
    pass.accumulate(variables, data.targets[i]!, 1 / indices.length, gradients);
  }
  return { loss: loss / indices.length, gradients };
}

/** Outputs of a model for one input. */
export function predict(model: MlpModel, variables: Variables, input: readonly number[]): number[] {
  return Array.from(new MlpPass(model).forward(variables, input));
}

/** Trains a model from a seeded Glorot initialisation, as Keras's compile and fit would. */
export function train(run: TrainingRun): TrainingResult {
  const random = new TrainingRandom(run.seed);
  const variables = glorotUniform(run.model, random);
  return trainFrom(run, variables, random);
}

/**
 * Trains `variables` in place. Each epoch shuffles the examples (when asked), splits them
 * into batches of `batchSize` (the last one may be smaller), and applies one update per batch.
 */
export function trainFrom(run: TrainingRun, variables: Variables, random: TrainingRandom = new TrainingRandom(run.seed)): TrainingResult {
  const { model, data, epochs, threshold } = run;
  const count = data.inputs.length;
  const batchSize = Math.min(run.batchSize ?? count, count);
  const pass = new MlpPass(model);
  const optimizer = createOptimizer(run.optimizer, variableSizes(model));
  const gradients = variableSizes(model).map((size) => new Float64Array(size));
  const order = Array.from({ length: count }, (_v, i) => i);
  const losses = new Float64Array(epochs).fill(Number.NaN);
  let lastWrongEpoch = 0;
  let diverged = false;

  for (let epoch = 1; epoch <= epochs && !diverged; epoch++) {
    if (run.shuffle) random.shuffle(order);
    let epochLoss = 0;

    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(start + batchSize, count);
      for (const gradient of gradients) gradient.fill(0);
      for (let b = start; b < end; b++) {
        const i = order[b]!;
        pass.forward(variables, data.inputs[i]!);
        epochLoss += pass.loss(data.targets[i]!);
        pass.accumulate(variables, data.targets[i]!, 1 / (end - start), gradients);
      }
      optimizer.apply(variables, gradients);
    }

    losses[epoch - 1] = epochLoss / count;
    // An infinite loss with finite outputs (ŷ = −2.8·10^259 under mse) has diverged too.
    const correct = Number.isFinite(losses[epoch - 1]!) ? allCorrect(pass, variables, data, threshold) : null;
    if (correct === null) {
      diverged = true;
      losses[epoch - 1] = Number.NaN;
    } else if (!correct) {
      lastWrongEpoch = epoch;
    }
  }

  const predictions = data.inputs.map((input) => Array.from(pass.forward(variables, input)));
  const finalLoss = diverged ? Number.NaN : meanLoss(pass, variables, data);
  const success = !diverged && lastWrongEpoch < epochs;
  return {
    losses,
    finalLoss,
    predictions,
    success,
    epochsToSuccess: success ? lastWrongEpoch + 1 : null,
    diverged,
    variables,
  };
}

/** True when every output is on its target's side of the threshold; null when an output is not finite. */
function allCorrect(pass: MlpPass, variables: Variables, data: Dataset, threshold: number): boolean | null {
  let correct = true;
  for (let i = 0; i < data.inputs.length; i++) {
    const yhat = pass.forward(variables, data.inputs[i]!);
    const target = data.targets[i]!;
    for (let o = 0; o < yhat.length; o++) {
      const p = yhat[o]!;
      if (!Number.isFinite(p)) return null;
      if (p > threshold !== target[o]! > threshold) correct = false;
    }
  }
  return correct;
}

function meanLoss(pass: MlpPass, variables: Variables, data: Dataset): number {
  let sum = 0;
  for (let i = 0; i < data.inputs.length; i++) {
    pass.forward(variables, data.inputs[i]!);
    sum += pass.loss(data.targets[i]!);
  }
  return sum / data.inputs.length;
}

/** Converts the model with these variables to a network the symbolic engine can derive (biases per neuron). */
export function toNetwork(model: MlpModel, variables: Variables): Network {
  const layers = model.activations.map((activation, index) => {
    const fanIn = model.sizes[index]!;
    const kernel = variables[2 * index]!;
    const weights = Array.from({ length: model.sizes[index + 1]! }, (_v, j) => Array.from(kernel.subarray(j * fanIn, (j + 1) * fanIn)));
    return { weights, bias: Array.from(variables[2 * index + 1]!), activation, alpha: model.alphas[index]! };
  });
  return { layers, loss: model.loss };
}
