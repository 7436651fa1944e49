import type { Edge, Graph, GraphNode } from '../graph/graph.js';
import type { ParameterRef } from '../network/notation.js';
import type { Problem } from '../network/spec.js';

/** The place in the document where a factor was first worked out. */
export interface FactorOrigin {
  readonly parameter: ParameterRef;
  /** True when it was worked out earlier in the same parameter's section. */
  readonly sameParameter: boolean;
}

/** One factor d(of)/d(wrt) of a chain-rule product. */
export interface Factor {
  readonly edge: Edge;
  /** null where this occurrence is the one that works the factor out. */
  readonly computedEarlier: FactorOrigin | null;
}

/** One path from the parameter to a loss term: factors ordered from E_i down to θ. */
export interface ChainPath {
  readonly factors: Factor[];
  readonly product: number;
}

/** dE_i/dθ: the sum over the paths from θ to E_i. */
export interface TermContribution {
  readonly term: GraphNode;
  readonly pathCount: number;
  /** Every path, or none when the parameter's paths are omitted. */
  readonly paths: ChainPath[];
  readonly value: number;
}

export type DerivationForm = 'paths' | 'delta';

export interface ParameterDerivation {
  readonly parameter: ParameterRef;
  readonly node: GraphNode;
  readonly value: number;
  readonly gradient: number;
  /** θ − η·∂E/∂θ */
  readonly updated: number;
  readonly pathCount: number;
  /** 'delta' when the paths are more than the display limit. */
  readonly form: DerivationForm;
  /** True when the paths are not listed (δ-form beyond the listing limits); counts remain. */
  readonly pathsOmitted: boolean;
  /** One entry per loss term the parameter reaches, in output order. */
  readonly terms: TermContribution[];
  /** The z nodes the parameter feeds (one for a weight, all of the layer for a shared bias). */
  readonly feeds: GraphNode[];
}

/** δ_j^{[l]} = dE/dz_j^{[l]} with the terms of its recursion. */
export interface Delta {
  readonly layer: number;
  readonly index: number;
  readonly z: GraphNode;
  readonly value: number;
  /** d a_j/d z_j (the activation's derivative). */
  readonly activation: Edge;
  /** Output layer: dE_i/dŷ_i. Hidden layers: the edges d z_m^{[l+1]}/d a_j^{[l]}. */
  readonly upstream: Edge[];
}

export interface Derivation {
  readonly problem: Problem;
  readonly graph: Graph;
  readonly learningRate: number;
  readonly parameters: ParameterDerivation[];
  /** deltas[l − 1][j − 1] */
  readonly deltas: Delta[][];
  readonly maxPaths: number;
  readonly pathListLimit: number;
}
