import { buildGraph } from '../graph/build.js';
import type { Edge, Graph, GraphNode } from '../graph/graph.js';
import { node } from '../graph/graph.js';
import { idToPlain, nodeId, parameterId, parameterPlain, type ParameterRef } from '../network/notation.js';
import { hasParameter, parametersInBackpropOrder, parametersOfLayer } from '../network/parameters.js';
import { maxPathsLimit, type Problem } from '../network/spec.js';
import { userError, type UserError } from '../errors.js';
import { countPaths, enumeratePaths } from './paths.js';
import type { ChainPath, Delta, Derivation, Factor, FactorOrigin, ParameterDerivation, TermContribution } from './types.js';

/**
 * Listing limits for the paths of δ-form parameters (path-form parameters always list theirs):
 * a parameter with more paths than PATH_LIST_LIMIT, or met after PATH_BUDGET paths have been
 * listed in the document, keeps only its path count. A 6-layer network of width 8 would
 * otherwise list millions of paths.
 */
export const PATH_LIST_LIMIT = maxPathsLimit;
export const PATH_BUDGET = 20_000;

export interface DeriveOptions {
  /** Parameters to derive, in this order; all of them, output layer first, when absent. */
  readonly parameters?: ParameterRef[];
  /** Paths above which a parameter is shown in δ-form; the problem's display setting when absent. */
  readonly maxPaths?: number;
}

/**
 * Apply the chain rule to every requested parameter: the paths to each E_i with their
 * factors, products and sums, the gradient and the update θ − η·∂E/∂θ. A factor met
 * before, in document order, is marked as computed earlier instead of worked again.
 */
export function derive(problem: Problem, options: DeriveOptions = {}): Derivation {
  const sample = problem.samples[0];
  if (sample === undefined || problem.samples.length !== 1) {
    throw new Error('derive supports exactly one training example');
  }

  const graph = buildGraph(problem.network, sample);
  requireFiniteValues(graph);
  const adjoints = computeAdjoints(graph);
  const maxPaths = Math.min(options.maxPaths ?? problem.display.maxPaths, maxPathsLimit);
  const requested = options.parameters ?? parametersInBackpropOrder(problem.network);
  for (const p of requested) {
    if (!hasParameter(problem.network, p)) throw missingParameterError(problem, p);
  }

  const origins = new Map<string, ParameterRef>();
  const budget = { paths: PATH_BUDGET };
  const parameters = requested.map((p) =>
    deriveParameter(graph, adjoints, p, problem.learningRate, maxPaths, origins, budget),
  );
  return {
    problem,
    graph,
    learningRate: problem.learningRate,
    parameters,
    deltas: collectDeltas(graph, adjoints),
    maxPaths,
    pathListLimit: PATH_LIST_LIMIT,
  };
}

function deriveParameter(
  graph: Graph,
  adjoints: Map<string, number>,
  parameter: ParameterRef,
  learningRate: number,
  maxPaths: number,
  origins: Map<string, ParameterRef>,
  budget: { paths: number },
): ParameterDerivation {
  const start = node(graph, parameterId(parameter));
  const counts = graph.lossTerms.map((term) => countPaths(start, term));
  const pathCount = counts.reduce((total, count) => total + count, 0);
  const form = pathCount > maxPaths ? 'delta' : 'paths';
  const listed = form === 'paths' || (pathCount <= PATH_LIST_LIMIT && pathCount <= budget.paths);
  if (listed) budget.paths -= pathCount;

  const terms: TermContribution[] = [];
  graph.lossTerms.forEach((term, index) => {
    const count = counts[index]!;
    if (count === 0) return;
    const paths = listed
      ? enumeratePaths(start, term, count).map((edges) => chainPath(edges, parameter, form === 'paths' ? origins : null))
      : [];
    const value = listed ? sum(paths.map((path) => path.product)) : termByAdjoint(start, term);
    terms.push({ term, pathCount: count, paths, value });
  });

  // The path sum is what a worked solution shows; reverse accumulation gives the same
  // number without listing the paths.
  const gradient = listed ? sum(terms.map((t) => t.value)) : gradientByAdjoint(start, adjoints);
  return {
    parameter,
    node: start,
    value: start.value,
    gradient,
    updated: start.value - learningRate * gradient,
    pathCount,
    form,
    pathsOmitted: !listed,
    terms,
    feeds: start.children.map((edge) => edge.of),
  };
}

/** Factors in the slides' order, from dE_i/dŷ_i down to dz/dθ, each marked if seen before. */
function chainPath(edges: Edge[], parameter: ParameterRef, origins: Map<string, ParameterRef> | null): ChainPath {
  const ordered = edges.slice().reverse();
  const factors: Factor[] = ordered.map((edge) => {
    if (origins === null) return { edge, computedEarlier: null };
    const first = origins.get(edge.id);
    if (first === undefined) {
      origins.set(edge.id, parameter);
      return { edge, computedEarlier: null };
    }
    const origin: FactorOrigin = { parameter: first, sameParameter: first === parameter };
    return { edge, computedEarlier: origin };
  });
  return { factors, product: ordered.reduce((product, edge) => product * edge.value, 1) };
}

/** dE/dn for every node n by reverse accumulation over the graph's edges. */
function computeAdjoints(graph: Graph): Map<string, number> {
  const adjoints = new Map<string, number>([[graph.loss.id, 1]]);
  const order = [...graph.computed].reverse();
  for (const current of order) {
    const upstream = adjoints.get(current.id) ?? 0;
    for (const edge of current.parents) {
      adjoints.set(edge.wrt.id, (adjoints.get(edge.wrt.id) ?? 0) + upstream * edge.value);
    }
  }
  return adjoints;
}

function gradientByAdjoint(start: GraphNode, adjoints: Map<string, number>): number {
  return sum(start.children.map((edge) => (adjoints.get(edge.of.id) ?? 0) * edge.value));
}

/** dE_i/dθ by reverse accumulation restricted to one loss term. */
function termByAdjoint(start: GraphNode, term: GraphNode): number {
  const memo = new Map<string, number>();
  const derivativeOf = (current: GraphNode): number => {
    if (current === term) return 1;
    const known = memo.get(current.id);
    if (known !== undefined) return known;
    const value = sum(current.children.map((edge) => edge.value * derivativeOf(edge.of)));
    memo.set(current.id, value);
    return value;
  };
  return derivativeOf(start);
}

function collectDeltas(graph: Graph, adjoints: Map<string, number>): Delta[][] {
  const deltas: Delta[][] = [];
  for (let l = 1; l <= graph.outputLayer; l++) {
    const layer: Delta[] = [];
    for (let j = 1; graph.nodes.has(nodeId.z(l, j)); j++) {
      const z = node(graph, nodeId.z(l, j));
      const a = node(graph, nodeId.a(l, j));
      const activation = a.parents.find((edge) => edge.wrt === z);
      if (activation === undefined) throw new Error(`no activation edge for ${z.id}`);
      layer.push({ layer: l, index: j, z, value: adjoints.get(z.id) ?? 0, activation, upstream: a.children });
    }
    deltas.push(layer);
  }
  return deltas;
}

/**
 * Reject a network whose forward pass or local derivatives overflow to ±Infinity or NaN
 * (weights like 1e308): no worked solution can be written from those numbers.
 */
function requireFiniteValues(graph: Graph): void {
  for (const current of graph.computed) {
    const edge = current.parents.find((e) => !Number.isFinite(e.value));
    if (Number.isFinite(current.value) && edge === undefined) continue;
    const name = idToPlain(edge === undefined ? current.id : edge.of.id);
    throw userError(
      `Al calcular ${name} se obtiene un valor no finito (infinito o NaN): los números de la red son demasiado grandes. Usa pesos, sesgos y entradas de magnitudes razonables (por ejemplo, menores que 1000).`,
      `Computing ${name} gives a non-finite value (infinity or NaN): the network's numbers are too large. Use weights, biases and inputs of reasonable size (for example, below 1000).`,
    );
  }
}

/** Name the parameter that is not in the network and list the ones of the same kind in its layer. */
function missingParameterError(problem: Problem, p: ParameterRef): UserError {
  const layers = problem.network.layers;
  const layer = layers[p.layer - 1];
  const name = parameterPlain(p);
  if (layer === undefined) {
    return userError(
      `El parámetro ${name} no existe: la red tiene ${layers.length} capas (de la 1 a la ${layers.length}).`,
      `Parameter ${name} does not exist: the network has ${layers.length} layers (1 to ${layers.length}).`,
    );
  }

  const sameKind = parametersOfLayer(layer, p.layer).filter((q) => q.kind === p.kind).map(parameterPlain);
  const shown = sameKind.length > 12 ? `${sameKind.slice(0, 12).join(', ')}, …` : sameKind.join(', ');
  return p.kind === 'weight'
    ? userError(
        `El peso ${name} no existe. Los pesos de la capa ${p.layer} son: ${shown}.`,
        `Weight ${name} does not exist. The weights of layer ${p.layer} are: ${shown}.`,
      )
    : userError(
        `El sesgo ${name} no existe. Los sesgos de la capa ${p.layer} son: ${shown}.`,
        `Bias ${name} does not exist. The biases of layer ${p.layer} are: ${shown}.`,
      );
}

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
