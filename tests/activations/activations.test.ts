import { describe, expect, it } from 'vitest';
import { activations, activationNames } from '../../src/activations/index.js';
import { math } from '../../src/graph/math.js';

// Points away from the kink at 0, where relu, leaky_relu and elu have no derivative.
const points = [-3.2, -1, -0.25, 0.3, 1.7, 4];

describe('activation textbook derivatives', () => {
  for (const name of activationNames) {
    const spec = activations[name];
    const alphas = spec.defaultAlpha === undefined ? [0] : [spec.defaultAlpha, 0.2];

    it(`${name} matches mathjs derivative`, () => {
      for (const alpha of alphas) {
        const expanded = math.parse(spec.expanded);
        const reference = math.derivative(expanded, 'z');
        const textbook = math.parse(spec.textbook).compile();
        for (const z of points) {
          const a = spec.forward(z, alpha);
          const expected = reference.evaluate({ z, alpha }) as number;
          expect(spec.derivative(z, a, alpha)).toBeCloseTo(expected, 12);
          expect(textbook.evaluate({ z, a, alpha }) as number).toBeCloseTo(expected, 12);
        }
      }
    });

    it(`${name} forward matches expanded form`, () => {
      for (const alpha of alphas) {
        const expanded = math.parse(spec.expanded).compile();
        for (const z of points) {
          expect(spec.forward(z, alpha)).toBeCloseTo(expanded.evaluate({ z, alpha }) as number, 12);
        }
      }
    });
  }

  it('relu derivative at zero is zero', () => {
    expect(activations.relu.derivative(0, 0, 0)).toBe(0);
  });
});
