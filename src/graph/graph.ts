import type { MathNode } from './math.js';

export type NodeKind = 'input' | 'target' | 'weight' | 'bias' | 'z' | 'a' | 'lossTerm' | 'loss';

/** One quantity of the network: data (x, y, w, b) or computed (z, a, E_i, E). */
export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** Layer l for w, b, z, a; null otherwise. */
  readonly layer: number | null;
  /** 1-based neuron, input or output index; null for E and shared biases. */
  readonly index: number | null;
  /** Defining expression over parent ids, for computed nodes. */
  readonly expression: MathNode | null;
  readonly value: number;
  /** Edges to the nodes computed from this one. */
  readonly children: Edge[];
  /** Edges to the nodes this one is computed from (data nodes x and y have none to them). */
  readonly parents: Edge[];
}

export type EdgeRule = 'linear' | 'activation' | 'loss' | 'sum';

/** d(of)/d(wrt): one local derivative of the chain rule. */
export interface Edge {
  readonly id: string;
  readonly of: GraphNode;
  readonly wrt: GraphNode;
  /** Symbolic derivative over graph ids, in textbook form for activations and losses. */
  readonly derivative: MathNode;
  readonly value: number;
  readonly rule: EdgeRule;
}

export interface Graph {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** Computed nodes in evaluation order (z, a layer by layer, then E_i, then E). */
  readonly computed: readonly GraphNode[];
  readonly lossTerms: readonly GraphNode[];
  readonly loss: GraphNode;
  /** L: the layer whose outputs are ŷ. */
  readonly outputLayer: number;
}

export function node(graph: Graph, id: string): GraphNode {
  const found = graph.nodes.get(id);
  if (found === undefined) throw new Error(`graph has no node ${id}`);
  return found;
}

/** Values of every node by id, for evaluating and substituting expressions. */
export function valuesById(graph: Graph): Map<string, number> {
  return new Map([...graph.nodes.values()].map((n) => [n.id, n.value]));
}
