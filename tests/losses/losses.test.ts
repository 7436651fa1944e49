import { describe, expect, it } from 'vitest';
import { losses, lossNames } from '../../src/losses/index.js';
import { math } from '../../src/graph/math.js';

const cases = [
  { y: 0.05, yhat: 0.7349286127170142, n: 2 },
  { y: 1, yhat: 0.2, n: 1 },
  { y: -0.5, yhat: 0.3, n: 3 },
];

describe('loss textbook derivatives', () => {
  for (const name of lossNames) {
    const spec = losses[name];

    it(`${name} matches mathjs derivative`, () => {
      const reference = math.derivative(math.parse(spec.term), 'yhat');
      const textbook = math.parse(spec.textbook).compile();
      for (const scope of cases) {
        const expected = reference.evaluate(scope) as number;
        expect(spec.derivative(scope.y, scope.yhat, scope.n)).toBeCloseTo(expected, 12);
        expect(textbook.evaluate(scope) as number).toBeCloseTo(expected, 12);
      }
    });

    it(`${name} forward matches its term`, () => {
      const term = math.parse(spec.term).compile();
      for (const scope of cases) {
        expect(spec.forward(scope.y, scope.yhat, scope.n)).toBeCloseTo(term.evaluate(scope) as number, 14);
      }
    });
  }

  it('mse is the Keras mean over outputs', () => {
    // Keras mean_squared_error of y = (0, 1), ŷ = (0.5, 0.5): ((0.5)² + (0.5)²) / 2 = 0.25
    const terms = [losses.mse.forward(0, 0.5, 2), losses.mse.forward(1, 0.5, 2)];
    expect(terms[0]! + terms[1]!).toBe(0.25);
  });
});
