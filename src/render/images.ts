import type { Derivation } from '../derivation/types.js';
import { parameterId, type ParameterRef } from '../network/notation.js';
import { networkDiagram } from './diagram.js';
import type { NumberFormat } from './format.js';

/** File name of the network diagram, highlighted for `parameter` when one is given. */
export function diagramFileName(parameter?: ParameterRef): string {
  return parameter === undefined ? 'red.svg' : `red-${parameterId(parameter)}.svg`;
}

/**
 * Draw the SVG images a worked solution refers to, by file name: the whole network once
 * and the network with each derived parameter's paths highlighted.
 */
export function solutionImages(derivation: Derivation, format: NumberFormat): Map<string, string> {
  const { network, samples } = derivation.problem;
  const input = samples[0]?.input;
  const images = new Map<string, string>([[diagramFileName(), networkDiagram(network, { format, input })]]);
  for (const p of derivation.parameters) {
    images.set(diagramFileName(p.parameter), networkDiagram(network, { format, input, highlight: p.parameter }));
  }
  return images;
}
