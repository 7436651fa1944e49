import type { Rounding } from '../network/spec.js';

/**
 * The operations a student's computation uses, over plain numbers or over intervals. The
 * same computation then gives an answer (float64, carried at full precision) and the
 * range of answers a student could reach by writing every intermediate value down
 * rounded or truncated to the homework's digits.
 */
export interface Arithmetic<T> {
  /** A number of the problem's data, exact as given. */
  of(value: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** f(x) for a non-decreasing f (every activation and σ itself). */
  increasing(f: (x: number) => number, x: T): T;
  /** f(x) for an f that is monotone on each side of `at` (the derivatives of ReLU and its kin). */
  piecewise(f: (x: number) => number, x: T, at: number): T;
  /** The value a student writes down for an intermediate result. */
  written(x: T): T;
}

export const floatArithmetic: Arithmetic<number> = {
  of: (value) => value,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  increasing: (f, x) => f(x),
  piecewise: (f, x) => f(x),
  written: (x) => x,
};

/** A closed interval [low, high]. */
export type Interval = readonly [number, number];

/**
 * Interval arithmetic in which writing a value down widens it by what rounding (half a unit
 * of the last digit) or truncation (a whole unit) can move it. A student who keeps more
 * digits, or none rounded at all, stays inside.
 */
export function intervalArithmetic(digits: number, rounding: Rounding): Arithmetic<Interval> {
  const unit = 10 ** -digits;
  const slack = rounding === 'round' ? unit / 2 : unit;
  return {
    of: (value) => [value, value],
    add: ([a, b], [c, d]) => [a + c, b + d],
    sub: ([a, b], [c, d]) => [a - d, b - c],
    mul: ([a, b], [c, d]) => {
      const products = [a * c, a * d, b * c, b * d];
      return [Math.min(...products), Math.max(...products)];
    },
    increasing: (f, [low, high]) => [f(low), f(high)],
    piecewise: (f, [low, high], at) => {
      const values = [f(low), f(high)];
      if (low < at && at < high) values.push(f(at - Number.EPSILON), f(at + Number.EPSILON));
      return [Math.min(...values), Math.max(...values)];
    },
    written: ([low, high]) => [low - slack, high + slack],
  };
}
