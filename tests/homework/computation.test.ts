import { describe, expect, it } from 'vitest';
import { derive } from '../../src/derivation/derive.js';
import { floatArithmetic, intervalArithmetic, type Arithmetic } from '../../src/homework/arithmetic.js';
import { rightWay, studentWork } from '../../src/homework/computation.js';
import { parametersInBackpropOrder } from '../../src/network/parameters.js';
import { parameterId } from '../../src/network/notation.js';
import { forwardPass } from '../../src/numeric/forward.js';
import type { Problem, Rounding } from '../../src/network/spec.js';
import { expectClose, lectureProblem, makeProblem } from '../helpers.js';

const networks: Record<string, Problem> = {
  lecture: lectureProblem(),
  'relu 3-2-3-1 per-neuron': makeProblem(
    [
      { weights: [[0.2, -0.4, 0.1], [0.5, 0.3, -0.2]], bias: [0.1, -0.1], activation: 'tanh' },
      { weights: [[0.3, -0.6], [0.8, 0.2], [-0.5, 0.4]], bias: [0.05, 0.1, -0.2], activation: 'relu' },
      { weights: [[0.7, -0.3, 0.6]], bias: 0.2, activation: 'sigmoid' },
    ],
    [0.5, -0.3, 0.8],
    [1],
  ),
  'mse leaky elu': makeProblem(
    [
      { weights: [[0.4, -0.7], [-0.3, 0.9]], bias: 0.1, activation: 'leaky_relu' },
      { weights: [[0.6, -0.2], [0.1, 0.5], [-0.4, 0.3]], bias: [0, 0.1, -0.1], activation: 'elu' },
    ],
    [0.3, -0.6],
    [0.2, -0.1, 0.4],
    { loss: 'mse', learningRate: 0.1 },
  ),
};

describe('studentWork in float64', () => {
  for (const [name, problem] of Object.entries(networks)) {
    it(`matches the engine: ${name}`, () => {
      const work = studentWork(floatArithmetic, problem, rightWay);
      const derivation = derive(problem);
      for (const p of parametersInBackpropOrder(problem.network)) {
        const engine = derivation.parameters.find((entry) => parameterId(entry.parameter) === parameterId(p))!;
        expectClose(work.gradient(p), engine.gradient);
        expectClose(work.updated(p), engine.updated);
      }
      const forward = forwardPass(problem.network, problem.samples[0]!);
      forward.layers.forEach((layer, l) => layer.z.forEach((z, j) => expectClose(work.z[l]![j]!, z)));
      expectClose(work.total, forward.total);
    });
  }
});

/** A student who writes each intermediate value rounded, truncated or in full, at random. */
function sloppyStudent(digits: number, rounding: Rounding, seed: number): Arithmetic<number> {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const scale = 10 ** digits;
  return {
    ...floatArithmetic,
    written: (x) => {
      const choice = next();
      if (choice < 0.2) return x;
      // Rounding half away from zero, or truncation toward zero (only in truncating homework).
      if (rounding === 'round' || choice < 0.5) return (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
      return Math.trunc(x * scale) / scale;
    },
  };
}

describe('studentWork in intervals', () => {
  for (const [name, problem] of Object.entries(networks)) {
    for (const rounding of ['round', 'truncate'] as const) {
      it(`holds rounding students: ${name}, ${rounding}`, () => {
        const ranged = studentWork(intervalArithmetic(4, rounding), problem, rightWay);
        const parameters = parametersInBackpropOrder(problem.network);
        for (let seed = 1; seed <= 40; seed++) {
          const student = studentWork(sloppyStudent(4, rounding, seed), problem, rightWay);
          for (const p of parameters) {
            const [low, high] = ranged.updated(p);
            expect(student.updated(p)).toBeGreaterThanOrEqual(low);
            expect(student.updated(p)).toBeLessThanOrEqual(high);
          }
          const [low, high] = ranged.total;
          expect(student.total).toBeGreaterThanOrEqual(low);
          expect(student.total).toBeLessThanOrEqual(high);
        }
      });
    }
  }

  it('widens by the digits', () => {
    const problem = lectureProblem();
    const p = parametersInBackpropOrder(problem.network)[0]!;
    const width = (digits: number) => {
      const [low, high] = studentWork(intervalArithmetic(digits, 'round'), problem, rightWay).updated(p);
      return high - low;
    };
    // Each written step adds 10^-d; a 2-2-2 update has about ten steps.
    expect(width(5)).toBeGreaterThan(1e-5);
    expect(width(5)).toBeLessThan(1e-4);
    expect(width(3) / width(5)).toBeCloseTo(100, 0);
  });
});
