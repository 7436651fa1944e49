import { activations } from '../activations/index.js';
import { evaluateCondition, evaluationScope, isActivationFunction, type MathNode } from '../graph/math.js';
import { idToTex } from '../network/notation.js';
import { formatFixed, formatGiven, numberTex, scientificTex, type NumberFormat } from './format.js';

/** Options for writing a graph expression with symbols, or with each symbol's number in its place. */
export interface TexContext {
  readonly outputLayer: number;
  readonly format: NumberFormat;
  /** Values by graph id; when present, symbols and activation calls are replaced by numbers. */
  readonly values?: ReadonlyMap<string, number>;
  /** Ids whose values are input data (printed as given rather than with fixed digits). */
  readonly given?: ReadonlySet<string>;
  /** With values: write σ(z) as the value of a (default), or as σ of the value of z (false). */
  readonly substituteCalls?: boolean;
  /** LaTeX for symbols that are not graph ids, such as the generic `y` and `yhat` of a loss term. */
  readonly symbols?: ReadonlyMap<string, string>;
}

type TexHandler = (node: MathNode, options: object) => string | undefined;

interface AnyNode {
  type: string;
  name?: string;
  op?: string;
  fn?: { name: string };
  args?: MathNode[];
  value?: unknown;
  condition?: MathNode;
  trueExpr?: MathNode;
  falseExpr?: MathNode;
}

const negatedComparison: Record<string, string> = { '>': '\\le', '>=': '<', '<': '\\ge', '<=': '>' };
const comparisonTex: Record<string, string> = { '>': '>', '>=': '\\ge', '<': '<', '<=': '\\le' };

/** LaTeX of a graph expression in the slides' notation. */
export function toTex(expression: MathNode, context: TexContext): string {
  const handler = makeHandler(context);
  return expression.toTex({ parenthesis: 'keep', implicit: 'hide', handler } as object);
}

/** LaTeX of one number: fixed digits for computed values, as given for input data. */
export function numberToTex(value: number, context: Pick<TexContext, 'format'>, given = false): string {
  const text = given ? formatGiven(value, context.format) : formatFixed(value, context.format);
  return numberTex(text);
}

function makeHandler(context: TexContext): TexHandler {
  const numeric = context.values !== undefined;

  const substituted = (id: string): string | undefined => {
    const value = context.values?.get(id);
    if (value === undefined) return undefined;
    const text = numberToTex(value, context, context.given?.has(id) ?? false);
    return text.startsWith('-') ? `\\left(${text}\\right)` : text;
  };

  const symbolTex = (name: string): string | undefined =>
    context.symbols?.get(name) ?? idToTex(name, context.outputLayer) ?? undefined;

  const handler: TexHandler = (raw, options) => {
    const n = raw as unknown as AnyNode;
    switch (n.type) {
      case 'SymbolNode':
        return (numeric ? substituted(n.name!) : undefined) ?? symbolTex(n.name!);
      case 'ConstantNode': {
        if (typeof n.value !== 'number') return undefined;
        const text = numberToTex(n.value, context, true);
        return text.startsWith('-') ? `\\left(${text}\\right)` : text;
      }
      case 'FunctionNode':
        return functionTex(n, options, context, substituted);
      case 'OperatorNode':
        return n.op === '*' && n.args?.length === 2 ? productTex(n.args[0]!, n.args[1]!, options, numeric) : undefined;
      case 'ConditionalNode':
        return conditionalTex(n, options, context);
      default:
        return undefined;
    }
  };
  return handler;
}

function functionTex(n: AnyNode, options: object, context: TexContext, substituted: (id: string) => string | undefined): string | undefined {
  const name = n.fn?.name ?? '';
  const argument = n.args?.[0];
  if (!isActivationFunction(name) || argument === undefined) return undefined;

  if (context.values !== undefined && context.substituteCalls !== false) {
    const argumentName = (argument as unknown as AnyNode).name;
    const output = argumentName?.startsWith('z_') ? substituted(`a_${argumentName.slice(2)}`) : undefined;
    if (output !== undefined) return output;
  }
  const spec = Object.values(activations).find((activation) => activation.name === name)!;
  return `${spec.latexName}\\left(${bare(argument.toTex(options))}\\right)`;
}

/** Juxtapose factors as the slides do (w x, σ(z)(1 − σ(z))), with a dot between two numbers. */
function productTex(left: MathNode, right: MathNode, options: object, numeric: boolean): string {
  const leftTex = left.toTex(options);
  const rightTex = right.toTex(options);
  const startsWithNumber = /^(\d|\\left\(-)/.test(rightTex);
  const needsDot = startsWithNumber || (numeric && rightTex.startsWith('\\left(-'));
  return needsDot ? `${leftTex} \\cdot ${rightTex}` : `${leftTex} ${rightTex}`;
}

/** Write a piecewise derivative: both cases symbolically, or only the case that applies in numbers. */
function conditionalTex(n: AnyNode, options: object, context: TexContext): string | undefined {
  const condition = n.condition as unknown as AnyNode;
  const op = condition.op ?? '';
  const [left, right] = condition.args ?? [];
  if (left === undefined || right === undefined || negatedComparison[op] === undefined) return undefined;

  if (context.values !== undefined) {
    const holds = evaluateCondition(n.condition!, scopeOf(context.values));
    return (holds ? n.trueExpr! : n.falseExpr!).toTex(options);
  }
  const leftTex = left.toTex(options);
  const rightTex = right.toTex(options);
  const whenTrue = n.trueExpr!.toTex(options);
  const whenFalse = n.falseExpr!.toTex(options);
  return `\\begin{cases} ${whenTrue} & ${leftTex} ${comparisonTex[op]} ${rightTex} \\\\ ${whenFalse} & ${leftTex} ${negatedComparison[op]} ${rightTex} \\end{cases}`;
}

/**
 * Write, for a piecewise expression, the condition that is true with the numbers in place
 * (e.g. `-0.4 \\le 0`), or return null for any other expression.
 */
export function conditionThatHolds(expression: MathNode, context: TexContext): string | null {
  const n = expression as unknown as AnyNode;
  if (n.type !== 'ConditionalNode' || context.values === undefined) return null;
  const condition = n.condition as unknown as AnyNode;
  const op = condition.op ?? '';
  const [left, right] = condition.args ?? [];
  if (left === undefined || right === undefined || negatedComparison[op] === undefined) return null;

  const holds = evaluateCondition(n.condition!, scopeOf(context.values));
  const shownOp = holds ? comparisonTex[op] : negatedComparison[op];
  return `${comparedTex(left, context)} ${shownOp} ${comparedTex(right, context)}`;
}

/**
 * Write a compared value so that its side of 0 shows: z = 1e-9 printed as 0.00000 would
 * make `0.00000 > 0` read false, so such a value is written in scientific notation.
 */
function comparedTex(operand: MathNode, context: TexContext): string {
  const text = bare(toTex(operand, context));
  const name = (operand as unknown as AnyNode).name;
  const value = name === undefined ? undefined : context.values?.get(name);
  if (value === undefined || value === 0 || /[1-9]/.test(text)) return text;
  return scientificTex(value, context.format);
}

/** Remove the parentheses that a negative number gets inside a longer expression. */
export function bare(text: string): string {
  return text.replace(/^\\left\((-[^()]*)\\right\)$/, '$1');
}

const scopes = new WeakMap<ReadonlyMap<string, number>, Record<string, unknown>>();

function scopeOf(values: ReadonlyMap<string, number>): Record<string, unknown> {
  let scope = scopes.get(values);
  if (scope === undefined) {
    scope = evaluationScope(values);
    scopes.set(values, scope);
  }
  return scope;
}
