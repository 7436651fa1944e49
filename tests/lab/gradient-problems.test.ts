import { describe, expect, it } from 'vitest';
import {
  deepLayerValues,
  deepNarrowNetwork,
  deepNarrowSample,
  gradientFigureMarkdown,
  gradientProblemsMarkdown,
  gradientProblemsView,
  magnitudeTex,
  ratioTex,
} from '../../src/lab/gradient-problems.js';
import type { DeepNetworkCase, GradientProblems } from '../../src/lab/spec.js';
import { biasRef, weightRef } from '../../src/network/notation.js';
import { defaultDisplay } from '../../src/network/spec.js';
import { finiteDifference } from '../../src/numeric/finite-difference.js';

/**
 * Relative, because the sigmoid case's first gradients are near 1e-7 and an absolute
 * tolerance of that size would check nothing. The Richardson-refined finite differences
 * reach about 1e-13 absolute here, and the floor covers gradients that are exactly 0.
 */
const finiteDifferenceTolerance = { relative: 1e-6, absolute: 1e-14 };

const sigmoidCase: DeepNetworkCase = { label: null, activation: 'sigmoid', alpha: 0, weight: 1, bias: 0 };
const reluCase: DeepNetworkCase = { label: null, activation: 'relu', alpha: 0, weight: 1, bias: 0 };
const explodingCase: DeepNetworkCase = { label: null, activation: 'relu', alpha: 0, weight: 2, bias: -1 };

const problems: GradientProblems = { layers: 10, input: 1, target: 0, cases: [sigmoidCase, reluCase, explodingCase] };

function closeEnough(actual: number, expected: number): boolean {
  const { relative, absolute } = finiteDifferenceTolerance;
  return Math.abs(actual - expected) <= relative * Math.abs(expected) + absolute;
}

/**
 * Return a finite-difference step that keeps every z away from ReLU's kink at 0. A change h
 * in w^[1] moves z^[L] by about h·|w|^(L−1), which is 5.12 for h = 0.01 in the exploding case.
 */
function stepFor(deepCase: DeepNetworkCase): number {
  return 1e-2 / Math.max(1, Math.abs(deepCase.weight)) ** (problems.layers - 1);
}

describe('deepLayerValues', () => {
  for (const deepCase of problems.cases) {
    it(`${deepCase.activation} w=${deepCase.weight} b=${deepCase.bias} agrees with finite differences`, () => {
      const network = deepNarrowNetwork(problems.layers, deepCase);
      const sample = deepNarrowSample(problems);
      const layers = deepLayerValues(problems, deepCase);
      expect(layers).toHaveLength(10);

      for (const values of layers) {
        const h = stepFor(deepCase);
        const weight = finiteDifference(network, sample, weightRef(values.layer, 1, 1), h);
        const bias = finiteDifference(network, sample, biasRef(values.layer, null), h);
        expect(closeEnough(values.weightGradient, weight), `∂E/∂w^[${values.layer}]`).toBe(true);
        expect(closeEnough(values.delta, bias), `∂E/∂b^[${values.layer}]`).toBe(true);
      }
    });
  }

  it('the chain-rule product equals the first layer gradient', () => {
    // ∂E/∂w^[1] = (ŷ − y) · Π_{l=2..L} f'(z^[l]) w · f'(z^[1]) x, evaluated from the table's columns.
    for (const deepCase of problems.cases) {
      const layers = deepLayerValues(problems, deepCase);
      const last = layers[layers.length - 1]!;
      const product = layers.slice(1).reduce((total, values) => total * values.factor!, 1);
      const chain = (last.a - problems.target) * product * layers[0]!.derivative * problems.input;
      expect(Math.abs(chain - layers[0]!.weightGradient)).toBeLessThanOrEqual(1e-12 * Math.abs(layers[0]!.weightGradient));
    }
  });
});

describe('gradientProblemsView', () => {
  const view = gradientProblemsView(problems, defaultDisplay, 'es');

  it('sigmoid vanishes', () => {
    // The ratio is Π_{l=1..9} σ'(z^[l]) · x / a^[9], because ∂E/∂w^[10] = (ŷ − y) σ'(z^[10]) a^[9]
    // and ∂E/∂w^[1] = (ŷ − y) σ'(z^[10]) · Π_{l=2..9} σ'(z^[l]) · σ'(z^[1]) x with w = 1.
    // z^[1] = 1 gives σ' = 0.19661; a^[l] settles at the fixed point a = σ(a) = 0.65905, where
    // σ' = 0.22470: 0.19661 · 0.21936 · 0.22355 · 0.22445 · 0.22465 · 0.22469 · 0.22470³ / 0.65905
    // = 1.88 · 10^-6.
    const sigmoid = view.cases[0]!;
    expect(sigmoid.verdict).toBe('vanishes');
    expect(sigmoid.ratio).toBeCloseTo(1.8803e-6, 9);
    expect(sigmoid.conclusion).toBe(
      '$\\lvert \\partial E / \\partial w^{[1]} \\rvert$ es solo $1.88 \\cdot 10^{-6}$ veces $\\lvert \\partial E / \\partial w^{[10]} \\rvert$: el gradiente se desvanece.',
    );
  });

  it('relu with w = 1 neither vanishes nor explodes', () => {
    // z^[l] = 1 in every layer, so every factor ReLU'(1) · 1 = 1 and the ratio is x / a^[9] = 1.
    const relu = view.cases[1]!;
    expect(relu.verdict).toBe('neither');
    expect(relu.ratio).toBe(1);
  });

  it('relu with w = 2, b = -1 explodes', () => {
    // z^[l] = 2 · 1 − 1 = 1 in every layer, so every factor is ReLU'(1) · 2 = 2:
    // ∂E/∂w^[10] = (1 − 0) · 1 · a^[9] = 1 and ∂E/∂w^[1] = 2⁹ · 1 · x = 512.
    const exploding = view.cases[2]!;
    expect(exploding.verdict).toBe('explodes');
    expect(exploding.ratio).toBe(512);
    expect(exploding.conclusion).toContain('es $512$ veces');
    expect(exploding.rows[0]).toEqual({
      layer: 1,
      z: '1.00000',
      a: '1.00000',
      derivative: '1.00000',
      factor: null,
      delta: '512.00000',
      weightGradient: '512.00000',
    });
  });

  it('a dead relu has no ratio', () => {
    // z^[1] = 1 − 2 = −1, so a^[1] = 0 and every later z is −2: every gradient is 0.
    const dead = gradientProblemsView({ ...problems, cases: [{ ...reluCase, bias: -2 }] }, defaultDisplay, 'en').cases[0]!;
    expect(dead.ratio).toBeNull();
    expect(dead.verdict).toBeNull();
    expect(dead.conclusion).toBe('Every gradient is 0, so no layer learns and there is no ratio to measure.');
  });

  it('series hold |∂E/∂w| per layer for the plot', () => {
    expect(view.series.map((series) => series.label)).toEqual(['Sigmoide, w = 1, b = 0', 'ReLU, w = 1, b = 0', 'ReLU, w = 2, b = \u22121']);
    expect(view.series[2]!.layers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(view.series[2]!.magnitudes).toEqual([512, 256, 128, 64, 32, 16, 8, 4, 2, 1]);
    expect(view.axes.x).toBe('capa l');
  });

  it('labels an activation with alpha', () => {
    const leaky = gradientProblemsView({ ...problems, cases: [{ label: null, activation: 'leaky_relu', alpha: 0.1, weight: 1, bias: 0 }] }, defaultDisplay, 'en');
    expect(leaky.series[0]!.label).toBe('Leaky ReLU, w = 1, b = 0, α = 0.1');
    expect(leaky.cases[0]!.settings).toContain('$\\alpha = 0.1$');
  });

  it('renders the figure slot only when set', () => {
    expect(gradientProblemsMarkdown(view)).not.toContain('![');
    const withFigure = gradientProblemsMarkdown({ ...view, figure: gradientFigureMarkdown('es') });
    expect(withFigure).toContain('](gradientes.svg)');
    expect(gradientFigureMarkdown('en')).toContain('](gradients.svg)');
  });

  it('renders in both languages', () => {
    for (const lang of ['es', 'en'] as const) {
      const markdown = gradientProblemsMarkdown(gradientProblemsView(problems, { ...defaultDisplay, decimalComma: lang === 'es' }, lang));
      expect(markdown).toContain(lang === 'es' ? '## Desvanecimiento y explosión del gradiente' : '## Vanishing and exploding gradients');
      expect(markdown).not.toContain('undefined');
      expect(markdown.split('$$').length % 2).toBe(1);
    }
  });
});

describe('number helpers', () => {
  const format = { digits: 5, rounding: 'round', decimalComma: false } as const;

  it('ratioTex keeps three significant digits', () => {
    expect(ratioTex(512, format)).toBe('512');
    expect(ratioTex(0.012345, format)).toBe('0.0123');
    expect(ratioTex(1.8803e-6, format)).toBe('1.88 \\cdot 10^{-6}');
    expect(ratioTex(0, format)).toBe('0');
  });

  it('magnitudeTex switches below four significant digits', () => {
    expect(magnitudeTex(0.0111, format)).toBe('0.01110');
    expect(magnitudeTex(0.00111, format)).toBe('1.1100 \\cdot 10^{-3}');
    expect(magnitudeTex(0.00025, format)).toBe('2.5000 \\cdot 10^{-4}');
  });
});

describe('huge gradients', () => {
  it('flags a moderate ratio of huge gradients', () => {
    // ReLU with w = 1, b = 0 and x = 100: every a^{[l]} = 100 and δ^{[l]} = ŷ − y = 100, so every
    // |∂E/∂w^{[l]}| = 100 · 100 = 10^4: a ratio of 1, yet a huge gradient.
    const view = gradientProblemsView({ layers: 10, input: 100, target: 0, cases: [{ label: null, activation: 'relu', alpha: 0, weight: 1, bias: 0 }] }, defaultDisplay, 'en');
    expect(view.cases[0]!.verdict).toBe('neither');
    expect(view.cases[0]!.conclusion).toContain('But the gradient is already huge at the last layer');
  });
});
