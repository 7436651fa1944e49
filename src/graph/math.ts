import { all, create, type MathNode } from 'mathjs';
import { activations } from '../activations/index.js';

/** The mathjs instance of the engine. */
export const math = create(all!, {});

export type { MathNode };

/**
 * Functions the graph's expressions call besides mathjs's own: one per activation,
 * named as in network specs, taking (z, alpha).
 */
export const activationFunctions: Record<string, (z: number, alpha?: number) => number> =
  Object.fromEntries(
    Object.values(activations).map((spec) => [spec.name, (z: number, alpha = 0) => spec.forward(z, alpha)]),
  );

export function isActivationFunction(name: string): boolean {
  return Object.hasOwn(activationFunctions, name);
}

/**
 * Local derivative d(expression)/d(symbol) from mathjs, kept readable: no simplify, only
 * core cleanup. A sum is differentiated term by term, skipping the terms without the
 * symbol, because simplifyCore on the derivative of a whole sum of n products grows
 * exponentially with n.
 */
export function localDerivative(expression: MathNode, symbol: string): MathNode {
  const terms = sumTerms(expression).filter((term) => containsSymbol(term, symbol));
  const derivatives = terms.map((term) => math.simplifyCore(math.derivative(term, symbol, { simplify: false })));
  if (derivatives.length === 0) return new math.ConstantNode(0);
  return derivatives.reduce((total, next) => math.simplifyCore(new math.OperatorNode('+', 'add', [total, next])));
}

/** Split a sum (a + b + c) into its terms; any other expression is its own single term. */
function sumTerms(expression: MathNode): MathNode[] {
  const node = expression as unknown as { type: string; op?: string; args?: MathNode[] };
  if (node.type === 'OperatorNode' && node.op === '+' && node.args?.length === 2) {
    return node.args.flatMap(sumTerms);
  }
  return [expression];
}

function containsSymbol(expression: MathNode, symbol: string): boolean {
  return expression.filter((node) => node.type === 'SymbolNode' && (node as unknown as { name: string }).name === symbol).length > 0;
}

/** Replace symbols of a template expression (e.g. `z`, `a`, `alpha`) by nodes. */
export function substitute(template: MathNode, replacements: Record<string, MathNode>): MathNode {
  return template.transform((node) => {
    if (node.type === 'SymbolNode') {
      const replacement = replacements[(node as unknown as { name: string }).name];
      if (replacement !== undefined) return replacement.cloneDeep();
    }
    return node;
  });
}

/** Create a scope for `evaluate` with the activation functions and the given values. */
export function evaluationScope(values: Iterable<[string, number]> = []): Record<string, unknown> {
  const scope: Record<string, unknown> = { ...activationFunctions };
  for (const [id, value] of values) scope[id] = value;
  return scope;
}

/** Value of a numeric expression; `scope` comes from `evaluationScope` and is not copied. */
export function evaluate(expression: MathNode, scope: Record<string, unknown>): number {
  const value = expression.compile().evaluate(scope) as unknown;
  if (typeof value !== 'number') throw new Error(`expression ${expression.toString()} did not evaluate to a number`);
  return value;
}

export function evaluateCondition(expression: MathNode, scope: Record<string, unknown>): boolean {
  const value = expression.compile().evaluate(scope) as unknown;
  if (typeof value !== 'boolean') throw new Error(`condition ${expression.toString()} did not evaluate to a boolean`);
  return value;
}
