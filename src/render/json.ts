import type { Derivation } from '../derivation/types.js';
import type { Edge } from '../graph/graph.js';
import { idToTex, parameterPlain, parameterTex } from '../network/notation.js';
import { PATH_BUDGET } from '../derivation/derive.js';
import { toTex, type TexContext } from './latex.js';

/**
 * Serialize the derivation for machines: full-precision numbers, 1-based indices, LaTeX symbols.
 * `col` is null for biases and `row` is null for a shared bias.
 */
export function solutionJson(derivation: Derivation): string {
  const { graph, problem } = derivation;
  const context: TexContext = { outputLayer: graph.outputLayer, format: problem.display };
  const nodeTex = (id: string) => idToTex(id, graph.outputLayer) ?? id;
  // A factor recurs in many paths; its entry is built once per edge.
  const factors = new Map<string, object>();
  const factor = (edge: Edge) => {
    let entry = factors.get(edge.id);
    if (entry === undefined) {
      entry = {
        of: nodeTex(edge.of.id),
        wrt: nodeTex(edge.wrt.id),
        latex: `\\frac{d${nodeTex(edge.of.id)}}{d${nodeTex(edge.wrt.id)}}`,
        derivative: toTex(edge.derivative, context),
        value: edge.value,
      };
      factors.set(edge.id, entry);
    }
    return entry;
  };

  const layers = [];
  for (let l = 1; l <= graph.outputLayer; l++) {
    const nodes = graph.computed.filter((n) => n.layer === l);
    layers.push({
      layer: l,
      z: nodes.filter((n) => n.kind === 'z').map((n) => n.value),
      a: nodes.filter((n) => n.kind === 'a').map((n) => n.value),
    });
  }

  const document = {
    learningRate: derivation.learningRate,
    forward: { layers },
    loss: { terms: graph.lossTerms.map((term) => term.value), total: graph.loss.value },
    parameters: derivation.parameters.map((p) => ({
      kind: p.parameter.kind,
      layer: p.parameter.layer,
      row: p.parameter.row,
      col: p.parameter.col,
      name: parameterPlain(p.parameter),
      symbol: parameterTex(p.parameter),
      value: p.value,
      gradient: p.gradient,
      updated: p.updated,
      pathCount: p.pathCount,
      form: p.form,
      pathsOmitted: p.pathsOmitted,
      terms: p.terms.map((term) => ({ term: term.term.index, pathCount: term.pathCount, value: term.value })),
      paths: p.terms.flatMap((term) =>
        term.paths.map((path) => ({
          term: term.term.index,
          factors: path.factors.map((f) => factor(f.edge)),
          product: path.product,
        })),
      ),
    })),
    deltas: derivation.deltas.map((layer) => layer.map((delta) => delta.value)),
    limits: { maxPaths: derivation.maxPaths, pathListLimit: derivation.pathListLimit, pathBudget: PATH_BUDGET },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
