import { activations } from '../activations/index.js';
import { losses } from '../losses/index.js';
import { nodeId, parameterId, weightRef, biasRef } from '../network/notation.js';
import type { Network, Sample } from '../network/spec.js';
import type { Edge, EdgeRule, Graph, GraphNode, NodeKind } from './graph.js';
import { evaluate, evaluationScope, localDerivative, math, substitute, type MathNode } from './math.js';

interface MutableNode extends GraphNode {
  value: number;
}

/**
 * Build the expression graph of one training example: a node per x, y, w, b, z, a, E_i
 * and E, each computed node with its mathjs expression, and one edge per local derivative.
 */
export function buildGraph(network: Network, sample: Sample): Graph {
  const builder = new GraphBuilder();
  const L = network.layers.length;

  sample.input.forEach((x, k) => builder.data(nodeId.input(k + 1), 'input', null, k + 1, x));
  sample.target.forEach((y, i) => builder.data(nodeId.target(i + 1), 'target', null, i + 1, y));

  network.layers.forEach((layer, index) => {
    const l = index + 1;
    const previous = (k: number) => (l === 1 ? nodeId.input(k) : nodeId.a(l - 1, k));
    const activation = activations[layer.activation];

    if (typeof layer.bias === 'number') builder.data(parameterId(biasRef(l, null)), 'bias', l, null, layer.bias);
    else layer.bias.forEach((b, j) => builder.data(parameterId(biasRef(l, j + 1)), 'bias', l, j + 1, b));

    layer.weights.forEach((row, j0) => {
      const j = j0 + 1;
      row.forEach((w, k0) => builder.data(parameterId(weightRef(l, j, k0 + 1)), 'weight', l, j, w));

      const bias = parameterId(biasRef(l, typeof layer.bias === 'number' ? null : j));
      const sum = row.map((_w, k0) => `${parameterId(weightRef(l, j, k0 + 1))} * ${previous(k0 + 1)}`);
      builder.linear(nodeId.z(l, j), 'z', l, j, math.parse([...sum, bias].join(' + ')));

      const z = new math.SymbolNode(nodeId.z(l, j));
      const alpha = new math.ConstantNode(layer.alpha);
      const args: MathNode[] = activation.defaultAlpha === undefined ? [z] : [z, alpha];
      const applied = new math.FunctionNode(activation.name, args);
      const textbook = substitute(math.parse(activation.textbook), { a: applied, z, alpha });
      builder.computed(nodeId.a(l, j), 'a', l, j, applied, [{ wrt: nodeId.z(l, j), derivative: textbook, rule: 'activation' }]);
    });
  });

  const loss = losses[network.loss];
  const outputs = network.layers[L - 1]!.weights.length;
  // With one output a factor 1/n is 1: drop it rather than print (1/1)(y − ŷ)².
  const tidy = (expression: MathNode) => (outputs === 1 ? math.simplifyCore(expression) : expression);
  const term = math.parse(loss.term);
  const termDerivative = math.parse(loss.textbook);
  for (let i = 1; i <= outputs; i++) {
    const replacements = {
      y: new math.SymbolNode(nodeId.target(i)),
      yhat: new math.SymbolNode(nodeId.a(L, i)),
      n: new math.ConstantNode(outputs),
    };
    builder.computed(nodeId.lossTerm(i), 'lossTerm', null, i, tidy(substitute(term, replacements)), [
      { wrt: nodeId.a(L, i), derivative: tidy(substitute(termDerivative, replacements)), rule: 'loss' },
    ]);
  }
  const termIds = Array.from({ length: outputs }, (_v, i) => nodeId.lossTerm(i + 1));
  builder.linear(nodeId.loss(), 'loss', null, null, math.parse(termIds.join(' + ')), 'sum');

  return builder.finish(L, termIds);
}

interface EdgeDefinition {
  readonly wrt: string;
  readonly derivative: MathNode;
  readonly rule: EdgeRule;
}

class GraphBuilder {
  private readonly nodes = new Map<string, MutableNode>();
  private readonly computedNodes: MutableNode[] = [];
  private readonly scope = evaluationScope();

  data(id: string, kind: NodeKind, layer: number | null, index: number | null, value: number): void {
    this.add({ id, kind, layer, index, expression: null, value, children: [], parents: [] });
  }

  /** Add a node whose expression is linear in its parents, taking each local derivative from mathjs. */
  linear(id: string, kind: NodeKind, layer: number | null, index: number | null, expression: MathNode, rule: EdgeRule = 'linear'): void {
    const edges = this.differentiableSymbols(expression).map((wrt) => ({
      wrt,
      derivative: localDerivative(expression, wrt),
      rule,
    }));
    this.computed(id, kind, layer, index, expression, edges);
  }

  computed(
    id: string,
    kind: NodeKind,
    layer: number | null,
    index: number | null,
    expression: MathNode,
    edges: EdgeDefinition[],
  ): void {
    const value = evaluate(expression, this.scope);
    const created = this.add({ id, kind, layer, index, expression, value, children: [], parents: [] });
    this.computedNodes.push(created);

    for (const definition of edges) {
      const wrt = this.nodes.get(definition.wrt);
      if (wrt === undefined) throw new Error(`edge to unknown node ${definition.wrt}`);
      const edge: Edge = {
        id: `${id}|${wrt.id}`,
        of: created,
        wrt,
        derivative: definition.derivative,
        value: evaluate(definition.derivative, this.scope),
        rule: definition.rule,
      };
      created.parents.push(edge);
      wrt.children.push(edge);
    }
  }

  finish(outputLayer: number, termIds: string[]): Graph {
    const lookup = (id: string) => this.nodes.get(id)!;
    return {
      nodes: this.nodes,
      computed: this.computedNodes,
      lossTerms: termIds.map(lookup),
      loss: lookup(nodeId.loss()),
      outputLayer,
    };
  }

  private add(created: MutableNode): MutableNode {
    if (this.nodes.has(created.id)) throw new Error(`duplicate graph node ${created.id}`);
    this.nodes.set(created.id, created);
    this.scope[created.id] = created.value;
    return created;
  }

  /** Symbols of the expression that a gradient can flow through (not x or y, which are data). */
  private differentiableSymbols(expression: MathNode): string[] {
    const names: string[] = [];
    expression.traverse((child) => {
      if (child.type !== 'SymbolNode') return;
      const name = (child as unknown as { name: string }).name;
      const found = this.nodes.get(name);
      if (found !== undefined && found.kind !== 'input' && found.kind !== 'target' && !names.includes(name)) names.push(name);
    });
    return names;
  }
}
