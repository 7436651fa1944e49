import { parameterPlain, type ParameterRef } from '../network/notation.js';
import type { Problem } from '../network/spec.js';
import { floatArithmetic, intervalArithmetic, type Interval } from './arithmetic.js';
import { rightWay, studentWork, type Misconception, type StudentWork } from './computation.js';
import { mistakeModels } from './mistakes.js';
import type { Architecture, ForwardQuantity, Question } from './spec.js';

/** One value a student sends back. */
export interface Item {
  /** Plain name, as in the answer e-mail: `w11^[1]`, `b^[1]`, `dE/dw11^[1]`, `dE1/dw11^[1]`, `z1^[1]`, `yhat1`, `E`. */
  readonly name: string;
  readonly kind: Question['kind'];
  /** The parameter of update, gradient and contribution items. */
  readonly parameter: ParameterRef | null;
  /** The output i (1-based) of a contribution item. */
  readonly output: number | null;
  /** The quantity of a forward item: z, a, ŷ_i, E_i or E (row null). */
  readonly quantity: { readonly name: ForwardQuantity; readonly layer: number; readonly row: number | null } | null;
  readonly layer: number | null;
  readonly row: number | null;
  readonly col: number | null;
}

/** An item's right value, the range a student may reach by rounding, and the values of known mistakes. */
export interface ItemAnswer {
  readonly item: Item;
  readonly value: number;
  readonly interval: Interval;
  readonly mistakes: readonly { readonly model: string; readonly value: number; readonly interval: Interval }[];
}

/** List the items of a homework's questions, each once, in the order asked. */
export function itemsOf(questions: readonly Question[], architecture: Architecture): Item[] {
  const items = new Map<string, Item>();
  const add = (item: Item) => items.has(item.name) || items.set(item.name, item);
  const depth = architecture.sizes.length - 1;

  for (const question of questions) {
    switch (question.kind) {
      case 'update':
      case 'gradient':
        for (const p of question.parameters) {
          const name = question.kind === 'update' ? parameterPlain(p) : `dE/d${parameterPlain(p)}`;
          add({ name, kind: question.kind, parameter: p, output: null, quantity: null, layer: p.layer, row: p.row, col: p.col });
        }
        break;
      case 'contribution':
        for (let i = 1; i <= architecture.sizes[depth]!; i++) {
          const p = question.parameter;
          add({ name: `dE${i}/d${parameterPlain(p)}`, kind: 'contribution', parameter: p, output: i, quantity: null, layer: p.layer, row: p.row, col: p.col });
        }
        break;
      case 'forward':
        for (const quantity of question.quantities) forwardItems(quantity, architecture).forEach(add);
        break;
    }
  }
  return [...items.values()];
}

function forwardItems(quantity: ForwardQuantity, architecture: Architecture): Item[] {
  const depth = architecture.sizes.length - 1;
  const outputs = architecture.sizes[depth]!;
  const item = (name: string, layer: number | null, row: number | null): Item =>
    ({ name, kind: 'forward', parameter: null, output: null, quantity: { name: quantity, layer: layer ?? depth, row }, layer, row, col: null });
  const range = (n: number) => Array.from({ length: n }, (_v, i) => i + 1);
  switch (quantity) {
    case 'z':
      return range(depth).flatMap((l) => range(architecture.sizes[l]!).map((j) => item(`z${j}^[${l}]`, l, j)));
    case 'a':
      return range(depth - 1).flatMap((l) => range(architecture.sizes[l]!).map((j) => item(`a${j}^[${l}]`, l, j)));
    case 'yhat':
      return range(outputs).map((i) => item(`yhat${i}`, depth, i));
    case 'E':
      return [...range(outputs).map((i) => item(`E${i}`, depth, i)), item('E', null, null)];
  }
}

/**
 * Compute each item's right value (float64 at full precision), its interval (what rounding
 * every written intermediate to the display's digits can give) and the value and interval
 * of every mistake model that changes it.
 */
export function answerItems(problem: Problem, items: readonly Item[]): ItemAnswer[] {
  const { digits, rounding } = problem.display;
  const intervals = intervalArithmetic(digits, rounding);
  const works = new Map<string, { exact: StudentWork<number>; range: StudentWork<Interval> }>();
  const workFor = (misconception: Misconception) => {
    const key = JSON.stringify(misconception);
    let work = works.get(key);
    if (work === undefined) {
      work = { exact: studentWork(floatArithmetic, problem, misconception), range: studentWork(intervals, problem, misconception) };
      works.set(key, work);
    }
    return work;
  };
  const models = mistakeModels(problem);
  const outputLayer = problem.network.layers.length;

  return items.map((item) => {
    const base: Misconception = item.kind === 'contribution' ? { ...rightWay, onlyOutput: item.output! - 1 } : rightWay;
    const right = workFor(base);
    const value = valueOf(right.exact, item);
    const mistakes = [];
    for (const model of models) {
      if (model.hiddenOnly && (item.layer === null || item.layer >= outputLayer || item.kind === 'forward')) continue;
      if (item.kind === 'contribution' && model.misconception.onlyOutput !== undefined) continue;
      const work = workFor({ ...base, ...model.misconception });
      const mistaken = valueOf(work.exact, item);
      if (sameValue(mistaken, value)) continue;
      mistakes.push({ model: model.id, value: mistaken, interval: valueOf(work.range, item) });
    }
    return { item, value, interval: valueOf(right.range, item), mistakes };
  });
}

function valueOf<T>(work: StudentWork<T>, item: Item): T {
  if (item.kind === 'update') return work.updated(item.parameter!);
  if (item.kind === 'gradient' || item.kind === 'contribution') return work.gradient(item.parameter!);
  const { name, layer, row } = item.quantity!;
  if (name === 'E') return row === null ? work.total : work.terms[row - 1]!;
  if (name === 'z') return work.z[layer - 1]![row! - 1]!;
  return work.a[layer - 1]![row! - 1]!;
}

/** Two results equal up to float64 noise: a model that does not change the item. */
function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}
