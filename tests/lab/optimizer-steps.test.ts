import { describe, expect, it } from 'vitest';
import { optimizerStepsMarkdown, optimizerStepsView, computedTex, givenTex } from '../../src/lab/optimizer-steps.js';
import type { OptimizerSteps } from '../../src/lab/spec.js';
import { defaultDisplay } from '../../src/network/spec.js';
import { optimizerDefaults, type OptimizerConfig } from '../../src/numeric/optimizer-config.js';
import { createOptimizer } from '../../src/numeric/optimizers.js';

/** The document's values come from its own formulas, and the trainer's optimizers must agree to this. */
const secondMethodTolerance = 1e-12;

const configs: Record<string, OptimizerConfig> = {
  sgd: { ...optimizerDefaults.sgd, learningRate: 0.1 },
  momentum: { ...optimizerDefaults.sgd, learningRate: 0.1, momentum: 0.9 },
  nesterov: { ...optimizerDefaults.sgd, learningRate: 0.1, momentum: 0.9, nesterov: true },
  rmsprop: { ...optimizerDefaults.rmsprop, learningRate: 0.01 },
  'rmsprop with momentum': { ...optimizerDefaults.rmsprop, learningRate: 0.01, momentum: 0.8, rho: 0.95 },
  adam: { ...optimizerDefaults.adam, learningRate: 0.1 },
  'sgd clipnorm': { ...optimizerDefaults.sgd, learningRate: 0.1, momentum: 0.5, clipnorm: 0.25 },
  'rmsprop clipnorm': { ...optimizerDefaults.rmsprop, learningRate: 0.01, momentum: 0.9, clipnorm: 0.25 },
  'adam clipnorm': { ...optimizerDefaults.adam, learningRate: 0.05, beta1: 0.8, clipnorm: 1 },
};

// Gradients of both signs, one tiny, and some longer than every clipnorm above.
const gradients = [0.5, -0.2, 3, 1e-9, -1.5, 0.3];

function stepsOf(config: OptimizerConfig): OptimizerSteps {
  return { parameter: 'w', initial: 1, gradients, optimizers: [{ label: null, config }] };
}

/** θ and the state after each step, from the trainer's optimizer. */
function trainerSteps(config: OptimizerConfig, initial: number, sequence: number[]) {
  const optimizer = createOptimizer(config, [1]);
  const theta = [Float64Array.of(initial)];
  return sequence.map((g) => {
    optimizer.apply(theta, [Float64Array.of(g)]);
    const state = Object.fromEntries(Object.entries(optimizer.state()).map(([name, arrays]) => [name, arrays[0]![0]!]));
    return { theta: theta[0]![0]!, state };
  });
}

describe('optimizerStepsView', () => {
  for (const [name, config] of Object.entries(configs)) {
    it(`${name} agrees with createOptimizer step by step`, () => {
      const view = optimizerStepsView(stepsOf(config), defaultDisplay, 'es').optimizers[0]!;
      const expected = trainerSteps(config, 1, gradients);

      expect(view.thetas).toHaveLength(gradients.length + 1);
      expect(view.thetas[0]).toBe(1);
      expected.forEach((step, index) => {
        expect(Math.abs(view.thetas[index + 1]! - step.theta)).toBeLessThanOrEqual(secondMethodTolerance);
        expect(Object.keys(view.states[index]!).sort()).toEqual(Object.keys(step.state).sort());
        for (const [key, value] of Object.entries(step.state)) {
          expect(Math.abs(view.states[index]![key]! - value)).toBeLessThanOrEqual(secondMethodTolerance);
        }
      });
    });
  }

  it('sgd momentum matches the hand computation', () => {
    // v₁ = −0.1·0.5 = −0.05, θ₁ = 0.95;  v₂ = 0.9·(−0.05) + 0.02 = −0.025, θ₂ = 0.925;
    // v₃ = 0.9·(−0.025) − 0.03 = −0.0525, θ₃ = 0.8725
    const steps = { parameter: 'w', initial: 1, gradients: [0.5, -0.2, 0.3], optimizers: [{ label: null, config: configs.momentum! }] };
    const view = optimizerStepsView(steps, defaultDisplay, 'es').optimizers[0]!;
    expect(view.thetas[3]).toBeCloseTo(0.8725, 12);
    expect(view.steps[2]!.equations).toEqual([
      'v_{3} = \\mu v_{2} - \\eta g_{3} = 0.9 \\cdot \\left(-0.02500\\right) - 0.1 \\cdot 0.3 = -0.05250',
      'w_{3} = w_{2} + v_{3} = 0.92500 + \\left(-0.05250\\right) = 0.87250',
    ]);
  });

  it('nesterov writes its rule symbolically', () => {
    const view = optimizerStepsView(stepsOf(configs.nesterov!), defaultDisplay, 'en').optimizers[0]!;
    expect(view.rules).toEqual(['v_{t} = \\mu v_{t-1} - \\eta g_{t}', 'w_{t} = w_{t-1} + \\mu v_{t} - \\eta g_{t}']);
    expect(view.call).toBe('tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)');
  });

  it('rmsprop prints epsilon as a power of ten', () => {
    const view = optimizerStepsView(stepsOf(configs.rmsprop!), defaultDisplay, 'es').optimizers[0]!;
    expect(view.rulesIntro).toContain('$\\varepsilon = 10^{-7}$');
    expect(view.steps[0]!.equations[1]).toBe(
      'w_{1} = w_{0} - \\frac{\\eta g_{1}}{\\sqrt{s_{1} + \\varepsilon}} = 1 - \\frac{0.01 \\cdot 0.5}{\\sqrt{0.02500 + 10^{-7}}} = 0.96838',
    );
  });

  it('squares a power of ten in parentheses', () => {
    // g = 1e-7 prints as 10^{-7}; squared it must be (10^{-7})^2, not the invalid 10^{-7}^{2}.
    const steps = { ...stepsOf(configs.rmsprop!), gradients: [1e-7] };
    const view = optimizerStepsView(steps, defaultDisplay, 'es').optimizers[0]!;
    expect(view.steps[0]!.equations[0]).toContain('\\left(10^{-7}\\right)^{2}');
  });

  it('clipnorm is a step before the rule', () => {
    const view = optimizerStepsView(stepsOf(configs['sgd clipnorm']!), defaultDisplay, 'es').optimizers[0]!;
    // g₃ = 3 is longer than c = 0.25, so g̃₃ = 3·0.25/3 = 0.25.
    expect(view.steps[2]!.equations[0]).toBe(
      '\\tilde{g}_{3} = g_{3} \\frac{c}{\\max(\\lvert g_{3} \\rvert, c)} = 3 \\cdot \\frac{0.25}{\\max(\\lvert 3 \\rvert, 0.25)} = 0.25000',
    );
    expect(view.steps[2]!.equations[1]).toContain('\\eta \\tilde{g}_{3}');
    expect(view.clip).not.toBeNull();
    expect(view.call).toBe('tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.5, nesterov=False, clipnorm=0.25)');
  });

  it('clipnorm with a decimal comma', () => {
    const view = optimizerStepsView(stepsOf(configs['sgd clipnorm']!), { ...defaultDisplay, decimalComma: true }, 'es').optimizers[0]!;
    expect(view.steps[0]!.equations[0]).toContain('\\max(\\lvert 0{,}5 \\rvert;\\ 0{,}25)');
  });

  it('adam shows alpha and the note on the paper form', () => {
    const view = optimizerStepsView(stepsOf(configs.adam!), defaultDisplay, 'en').optimizers[0]!;
    // α₁ = 0.1·√(1 − 0.999)/(1 − 0.9) = √0.001 = 0.0316227…
    expect(view.steps[0]!.equations[2]).toBe(
      '\\alpha_{1} = \\eta \\frac{\\sqrt{1 - \\beta_2^{1}}}{1 - \\beta_1^{1}} = 0.1 \\cdot \\frac{\\sqrt{1 - 0.999^{1}}}{1 - 0.9^{1}} = 0.03162',
    );
    expect(view.note).toContain('\\hat{\\varepsilon} = \\varepsilon / \\sqrt{1 - \\beta_2^t}');
  });

  it('a tiny value is not printed as zero', () => {
    // v₁ = −0.1·10⁻⁹ = −10⁻¹⁰, below 10⁻⁵: scientific, never -0.00000.
    const steps = { parameter: 'w', initial: 1, gradients: [1e-9], optimizers: [{ label: null, config: configs.momentum! }] };
    const view = optimizerStepsView(steps, defaultDisplay, 'es').optimizers[0]!;
    expect(view.steps[0]!.equations[0]).toBe(
      'v_{1} = \\mu v_{0} - \\eta g_{1} = 0.9 \\cdot 0 - 0.1 \\cdot 10^{-9} = -1.0000 \\cdot 10^{-10}',
    );
  });

  it('summary lists every optimizer side by side', () => {
    const steps = { parameter: 'w', initial: 1, gradients, optimizers: Object.values(configs).slice(0, 3).map((config) => ({ label: null, config })) };
    const view = optimizerStepsView(steps, defaultDisplay, 'es');
    expect(view.summary.columns).toEqual(['Descenso por gradiente (SGD)', 'SGD con momento', 'SGD con momento de Nesterov']);
    expect(view.summary.rows).toHaveLength(gradients.length + 1);
    expect(view.summary.rows[0]!.gradient).toBeNull();
    expect(view.summary.rows[1]!.thetas).toEqual(['0.95000', '0.95000', '0.90500']);
  });

  it('labels the same optimizer twice by learning rate', () => {
    const optimizers = [0.1, 0.5].map((learningRate) => ({ label: null, config: { ...configs.sgd!, learningRate } }));
    const view = optimizerStepsView({ parameter: 'w', initial: 1, gradients, optimizers }, defaultDisplay, 'en');
    expect(view.summary.columns).toEqual(['Gradient descent (SGD), η = 0.1', 'Gradient descent (SGD), η = 0.5']);
  });

  it('writes the step of an indexed parameter in parentheses', () => {
    const steps = { parameter: 'w_{1,1}^{[1]}', initial: 0.1, gradients: [0.5], optimizers: [{ label: 'plain', config: configs.sgd! }] };
    const view = optimizerStepsView(steps, defaultDisplay, 'es');
    expect(view.optimizers[0]!.rules).toEqual(['w_{1,1}^{[1]}(t) = w_{1,1}^{[1]}(t-1) - \\eta g_{t}']);
    expect(view.optimizers[0]!.heading).toBe('plain');
  });

  it('renders in both languages', () => {
    for (const lang of ['es', 'en'] as const) {
      const steps = { parameter: 'w', initial: 1, gradients, optimizers: Object.values(configs).map((config) => ({ label: null, config })) };
      const markdown = optimizerStepsMarkdown(optimizerStepsView(steps, { ...defaultDisplay, decimalComma: lang === 'es' }, lang));
      expect(markdown).toContain(lang === 'es' ? '## Optimizadores paso a paso' : '## Optimizers step by step');
      expect(markdown).not.toContain('undefined');
      expect(markdown.split('$$').length % 2).toBe(1);
    }
  });
});

describe('number helpers', () => {
  const format = { digits: 5, rounding: 'round', decimalComma: false } as const;

  it('computedTex switches to scientific notation', () => {
    expect(computedTex(0.123456, format)).toBe('0.12346');
    expect(computedTex(2.1e-7, format)).toBe('2.1000 \\cdot 10^{-7}');
    expect(computedTex(-4e-6, format)).toBe('-4.0000 \\cdot 10^{-6}');
    expect(computedTex(0, format)).toBe('0.00000');
    expect(computedTex(2 ** 40, format)).toBe('1.0995 \\cdot 10^{12}');
  });

  it('givenTex writes a power of ten bare', () => {
    expect(givenTex(1e-7, format)).toBe('10^{-7}');
    expect(givenTex(1.5e-7, format)).toBe('1.5 \\cdot 10^{-7}');
    expect(givenTex(0.9, { ...format, decimalComma: true })).toBe('0{,}9');
  });
});
