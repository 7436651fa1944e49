import { erf } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { activationNames } from '../../src/activations/index.js';
import { activationCurves, activationTable, curvePoints, plotActivation } from '../../src/lab/activation-curves.js';
import type { PlotActivationName } from '../../src/lab/spec.js';

const plotNames: PlotActivationName[] = [...activationNames, 'gelu'];

/** Points at least 0.3 away from the kink at z = 0 of relu, leaky_relu and elu. */
const smoothPoints = [-2.5, -1.2, -0.3, 0.4, 1.1, 2.7];

/** A central difference with h = 1e-5 has truncation error near h²·f'''/6 and rounding near 1e-11. */
const centralDifferenceTolerance = 1e-8;

describe('plotActivation', () => {
  for (const name of plotNames) {
    it(`${name} derivative matches a central difference`, () => {
      const activation = plotActivation(name);
      const h = 1e-5;
      for (const z of smoothPoints) {
        const central = (activation.forward(z + h) - activation.forward(z - h)) / (2 * h);
        expect(Math.abs(activation.derivative(z) - central), `z = ${z}`).toBeLessThanOrEqual(centralDifferenceTolerance);
      }
    });
  }

  it('gelu matches 30-digit values', () => {
    // GELU(z) = z Φ(z) and GELU'(z) = Φ(z) + z φ(z), evaluated with mpmath at 30 digits.
    const gelu = plotActivation('gelu');
    const expected: [number, number, number][] = [
      [1, 0.841344746068542948585232545632, 1.08331547058768629838306273857],
      [-0.5, -0.154268769362993448181147694696, 0.132504875343837157474955168593],
      [2, 1.95449973610364158559943472567, 1.08523180107819689670084576365],
    ];
    for (const [z, value, derivative] of expected) {
      expect(gelu.forward(z)).toBeCloseTo(value, 14);
      expect(gelu.derivative(z)).toBeCloseTo(derivative, 14);
    }
  });

  it('uses the registry default alpha', () => {
    expect(plotActivation('leaky_relu').alpha).toBe(0.01);
    expect(plotActivation('elu').alpha).toBe(1);
    expect(plotActivation('sigmoid').alpha).toBeNull();
    expect(plotActivation('leaky_relu').derivative(-1)).toBe(0.01);
  });
});

describe('mathjs erf', () => {
  it('agrees with 30-digit values', () => {
    // mpmath.erf at 30 digits.
    const reference: [number, number][] = [
      [0.01, 0.0112834155558496169159095235480683],
      [0.1, 0.112462916018284892203275071744],
      [0.5, 0.520499877813046537682746653891941],
      [-0.7, -0.677801193837418472975628809244],
      [1, 0.842700792949714869341220635082581],
      [-1.5, -0.966105146475310727066976261645928],
      [2, 0.995322265018952734162069256367243],
      [3.5, 0.999999256901627658587254476316],
    ];
    for (const [x, value] of reference) {
      expect(Math.abs(erf(x) - value) / Math.abs(value), `erf(${x})`).toBeLessThanOrEqual(4.5e-16);
    }
  });
});

describe('activationCurves', () => {
  const curves = activationCurves({ names: ['sigmoid', 'relu', 'gelu'], from: -4, to: 4 });

  it('samples every name from `from` to `to`', () => {
    expect(curves.map((curve) => curve.name)).toEqual(['sigmoid', 'relu', 'gelu']);
    for (const curve of curves) {
      expect(curve.z).toHaveLength(curvePoints);
      expect(curve.value).toHaveLength(curvePoints);
      expect(curve.derivative).toHaveLength(curvePoints);
      expect(curve.z[0]).toBe(-4);
      expect(curve.z[curvePoints - 1]).toBe(4);
    }
    // 160 intervals over [−4, 4]: z[80] = 0, where σ = 0.5 and σ' = 0.25.
    expect(curves[0]!.z[80]).toBe(0);
    expect(curves[0]!.value[80]).toBe(0.5);
    expect(curves[0]!.derivative[80]).toBe(0.25);
  });

  it('takes a number of points', () => {
    const [curve] = activationCurves({ names: ['tanh'], from: 0, to: 1 }, 3);
    expect(curve!.z).toEqual([0, 0.5, 1]);
  });
});

describe('activationTable', () => {
  it('gives a definition and a derivative for every name', () => {
    const table = activationTable({ names: plotNames, from: -4, to: 4 }, 'es');
    expect(table.rows).toHaveLength(plotNames.length);
    for (const row of table.rows) {
      expect(row.definition).toMatch(/=/);
      expect(row.derivative).toMatch(/'\(z\) =/);
    }
    expect(table.rows[0]).toEqual({
      name: 'sigmoide',
      definition: '\\sigma(z) = \\frac{1}{1 + e^{-z}}',
      derivative: "\\sigma'(z) = \\sigma(z) \\left(1 - \\sigma(z)\\right)",
      alpha: null,
    });
    expect(table.rows.find((row) => row.name === 'Leaky ReLU')!.alpha).toBe('\\alpha = 0.01');
    expect(table.note).toContain('\\Phi');
  });

  it('has no note without gelu', () => {
    expect(activationTable({ names: ['relu'], from: -1, to: 1 }, 'en').note).toBeNull();
  });
});
