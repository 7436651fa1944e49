import { biasRef, weightRef, type ParameterRef } from './notation.js';
import type { Layer, Network } from './spec.js';

/** List every weight and bias, output layer first, in the order backpropagation visits them. */
export function parametersInBackpropOrder(network: Network): ParameterRef[] {
  const refs: ParameterRef[] = [];
  for (let l = network.layers.length; l >= 1; l--) {
    refs.push(...parametersOfLayer(network.layers[l - 1]!, l));
  }
  return refs;
}

export function parametersOfLayer(layer: Layer, l: number): ParameterRef[] {
  const refs: ParameterRef[] = [];
  layer.weights.forEach((row, j) => row.forEach((_w, k) => refs.push(weightRef(l, j + 1, k + 1))));
  if (typeof layer.bias === 'number') refs.push(biasRef(l, null));
  else layer.bias.forEach((_b, j) => refs.push(biasRef(l, j + 1)));
  return refs;
}

export function hasParameter(network: Network, p: ParameterRef): boolean {
  const layer = network.layers[p.layer - 1];
  if (layer === undefined) return false;
  if (p.kind === 'weight') {
    return layer.weights[(p.row ?? 0) - 1]?.[(p.col ?? 0) - 1] !== undefined;
  }
  if (typeof layer.bias === 'number') return p.row === null;
  return p.row !== null && layer.bias[p.row - 1] !== undefined;
}

export function parameterValue(network: Network, p: ParameterRef): number {
  const layer = network.layers[p.layer - 1];
  const value =
    p.kind === 'weight'
      ? layer?.weights[(p.row ?? 0) - 1]?.[(p.col ?? 0) - 1]
      : typeof layer?.bias === 'number'
        ? layer.bias
        : layer?.bias[(p.row ?? 0) - 1];
  if (value === undefined) throw new Error(`parameter ${JSON.stringify(p)} is not in the network`);
  return value;
}

/** Copy the network with one parameter replaced. */
export function withParameter(network: Network, p: ParameterRef, value: number): Network {
  const layers = network.layers.map((layer, index) => {
    if (index !== p.layer - 1) return layer;
    if (p.kind === 'weight') {
      const weights = layer.weights.map((row, j) =>
        j === (p.row ?? 0) - 1 ? row.map((w, k) => (k === (p.col ?? 0) - 1 ? value : w)) : row,
      );
      return { ...layer, weights };
    }
    if (typeof layer.bias === 'number') return { ...layer, bias: value };
    return { ...layer, bias: layer.bias.map((b, j) => (j === (p.row ?? 0) - 1 ? value : b)) };
  });
  return { ...network, layers };
}
