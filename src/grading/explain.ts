import { activations, isActivationName } from '../activations/index.js';
import { isLossName, losses } from '../losses/index.js';
import { parseParameterName } from '../network/notation.js';
import type { Network } from '../network/spec.js';
import { forwardPass } from '../numeric/forward.js';
import type { AnswerKey } from './key.js';

/** A single chain factor whose replacement by another quantity of the network explains a gradient. */
export interface FactorExplanation {
  /** The factor, in plain text: `a1^[1]`, `f'(z2^[2])`, `dE1/dyhat1`. */
  readonly factor: string;
  readonly right: number;
  /** The quantity the student seems to have used instead, and its value. */
  readonly used: string;
  readonly usedValue: number;
}

/**
 * Explain the gradient a student used for a weight or a per-neuron bias, g', by one factor
 * of its chain: g = upstream · f'(z_j) · a_k. If exactly one factor, replaced by exactly one
 * other quantity of the network (an x, y, z, a, weight, bias, or 1), gives g' within what
 * rounding allows, return that replacement. Otherwise return null, rather than guess.
 */
export function explainGradient(student: AnswerKey['students'][number], itemName: string, usedGradient: number, digits: number): FactorExplanation | null {
  const p = parseParameterName(itemName);
  const network = networkOf(student);
  if (p === null || network === null || (p.kind === 'bias' && p.row === null)) return null;
  const sample = { input: student.network.input, target: student.network.target };
  const pass = forwardPass(network, sample);
  const depth = network.layers.length;
  const layer = network.layers[p.layer - 1]!;
  const j = p.row! - 1;
  const { z, a } = pass.layers[p.layer - 1]!;

  // δ_j = upstream · f'(z_j), where upstream is dE_j/dŷ_j at the output, else Σ_m w_mj δ_m.
  const derivative = activations[layer.activation].derivative(z[j]!, a[j]!, layer.alpha);
  const deltas = backwardDeltas(network, sample, pass);
  const upstream = deltas[p.layer - 1]![j]! / derivative;
  const inputs = p.layer === 1 ? sample.input : pass.layers[p.layer - 2]!.a;
  const factors: { name: string; value: number }[] = [
    { name: p.layer === depth ? `dE${j + 1}/dyhat${j + 1}` : `dE/da${j + 1}^[${p.layer}]`, value: upstream },
    { name: `f'(z${j + 1}^[${p.layer}])`, value: derivative },
  ];
  if (p.kind === 'weight') factors.push({ name: p.layer === 1 ? `x${p.col}` : `a${p.col}^[${p.layer - 1}]`, value: inputs[p.col! - 1]! });

  const gradient = factors.reduce((product, factor) => product * factor.value, 1);
  if (gradient === 0) return null;
  const ratio = usedGradient / gradient;
  // The student's θ' carries at most one unit of the last digit; η turns that into the gradient.
  const slack = (2 * 10 ** -digits) / student.lr / Math.abs(gradient);
  const candidates = quantitiesOf(network, sample, pass);
  const found: FactorExplanation[] = [];
  for (const factor of factors) {
    const implied = factor.value * ratio;
    const tolerance = Math.abs(factor.value) * slack + 1e-12;
    for (const candidate of candidates) {
      if (Math.abs(candidate.value - factor.value) <= tolerance) continue;
      if (Math.abs(implied - candidate.value) <= tolerance) found.push({ factor: factor.name, right: factor.value, used: candidate.name, usedValue: candidate.value });
    }
  }
  return found.length === 1 ? found[0]! : null;
}

function networkOf(student: AnswerKey['students'][number]): Network | null {
  const { layers, loss } = student.network;
  if (!isLossName(loss) || !layers.every((layer) => isActivationName(layer.activation))) return null;
  return {
    loss,
    layers: layers.map((layer) => {
      const activation = layer.activation as keyof typeof activations;
      return { weights: layer.weights, bias: layer.bias, activation, alpha: layer.alpha ?? activations[activation].defaultAlpha ?? 0 };
    }),
  };
}

/** δ^{[l]} for every layer, by the δ recursion. */
function backwardDeltas(network: Network, sample: { input: number[]; target: number[] }, pass: ReturnType<typeof forwardPass>): number[][] {
  const depth = network.layers.length;
  const deltas: number[][] = [];
  const loss = losses[network.loss];
  for (let l = depth; l >= 1; l--) {
    const layer = network.layers[l - 1]!;
    const { z, a } = pass.layers[l - 1]!;
    const f = activations[layer.activation];
    deltas[l - 1] = a.map((value, j) => {
      const upstream =
        l === depth
          ? loss.derivative(sample.target[j]!, value, a.length)
          : network.layers[l]!.weights.reduce((sum, row, m) => sum + row[j]! * deltas[l]![m]!, 0);
      return upstream * f.derivative(z[j]!, value, layer.alpha);
    });
  }
  return deltas;
}

/** List every named quantity a student could mistake for another: x, y, z, a, weights, biases, 1. */
function quantitiesOf(network: Network, sample: { input: number[]; target: number[] }, pass: ReturnType<typeof forwardPass>): { name: string; value: number }[] {
  const quantities = [{ name: '1', value: 1 }];
  sample.input.forEach((value, k) => quantities.push({ name: `x${k + 1}`, value }));
  sample.target.forEach((value, i) => quantities.push({ name: `y${i + 1}`, value }));
  pass.layers.forEach(({ z, a }, index) => {
    z.forEach((value, j) => quantities.push({ name: `z${j + 1}^[${index + 1}]`, value }));
    a.forEach((value, j) => quantities.push({ name: `a${j + 1}^[${index + 1}]`, value }));
  });
  network.layers.forEach((layer, index) => {
    layer.weights.forEach((row, j) => row.forEach((value, k) => quantities.push({ name: `w${j + 1}${k + 1}^[${index + 1}]`, value })));
    const biases = typeof layer.bias === 'number' ? [layer.bias] : layer.bias;
    biases.forEach((value, j) => quantities.push({ name: typeof layer.bias === 'number' ? `b^[${index + 1}]` : `b${j + 1}^[${index + 1}]`, value }));
  });
  return quantities;
}
