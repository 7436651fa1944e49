import { describe, expect, it } from 'vitest';
import { optimizerDefaults, type OptimizerConfig } from '../../src/numeric/optimizer-config.js';
import { clipByNorm, createOptimizer } from '../../src/numeric/optimizers.js';
import { expectClose } from '../helpers.js';

// Expected values come from Keras's documented update rules, worked by hand for one
// parameter θ₀ = 1 and the gradient sequence g = 0.5, −0.2, 0.3.
const gradients = [0.5, -0.2, 0.3];

function steps(config: OptimizerConfig, initial = 1, sequence = gradients): number[] {
  const optimizer = createOptimizer(config, [1]);
  const theta = [Float64Array.of(initial)];
  return sequence.map((g) => {
    optimizer.apply(theta, [Float64Array.of(g)]);
    return theta[0]![0]!;
  });
}

const sgd = (overrides: Partial<OptimizerConfig>) => ({ ...optimizerDefaults.sgd, learningRate: 0.1, ...overrides }) as OptimizerConfig;

describe('SGD', () => {
  it('plain steps', () => {
    // θ ← θ − η g:  1 − 0.05 = 0.95;  0.95 + 0.02 = 0.97;  0.97 − 0.03 = 0.94
    const [t1, t2, t3] = steps(sgd({}));
    expectClose(t1!, 0.95);
    expectClose(t2!, 0.97);
    expectClose(t3!, 0.94);
  });

  it('momentum steps', () => {
    // v ← 0.9 v − 0.1 g, θ ← θ + v
    // v₁ = −0.05, θ₁ = 0.95;  v₂ = −0.045 + 0.02 = −0.025, θ₂ = 0.925;
    // v₃ = −0.0225 − 0.03 = −0.0525, θ₃ = 0.8725
    const [t1, t2, t3] = steps(sgd({ momentum: 0.9 }));
    expectClose(t1!, 0.95);
    expectClose(t2!, 0.925);
    expectClose(t3!, 0.8725);
  });

  it('nesterov steps', () => {
    // v as above; θ ← θ + 0.9 v − 0.1 g
    // θ₁ = 1 − 0.045 − 0.05 = 0.905;  θ₂ = 0.905 − 0.0225 + 0.02 = 0.9025;
    // θ₃ = 0.9025 − 0.04725 − 0.03 = 0.82525
    const [t1, t2, t3] = steps(sgd({ momentum: 0.9, nesterov: true }));
    expectClose(t1!, 0.905);
    expectClose(t2!, 0.9025);
    expectClose(t3!, 0.82525);
  });
});

describe('RMSprop', () => {
  const config = { ...optimizerDefaults.rmsprop, learningRate: 0.01 };

  it('steps', () => {
    // s ← 0.9 s + 0.1 g², θ ← θ − 0.01 g / √(s + 1e-7)
    // s₁ = 0.025;  s₂ = 0.0225 + 0.004 = 0.0265;  s₃ = 0.02385 + 0.009 = 0.03285
    const t1 = 1 - (0.01 * 0.5) / Math.sqrt(0.025 + 1e-7);
    const t2 = t1 + (0.01 * 0.2) / Math.sqrt(0.0265 + 1e-7);
    const t3 = t2 - (0.01 * 0.3) / Math.sqrt(0.03285 + 1e-7);
    const [a, b, c] = steps(config);
    expectClose(a!, t1, 1e-13);
    expectClose(b!, t2, 1e-13);
    expectClose(c!, t3, 1e-13);
    // t1 ≈ 1 − 0.005/0.158114 ≈ 0.968377
    expect(a!).toBeCloseTo(0.968377, 6);
  });

  it('momentum steps', () => {
    // m ← 0.5 m + Δ, θ ← θ − m, with Δ = 0.01 g / √(s + 1e-7)
    const d1 = (0.01 * 0.5) / Math.sqrt(0.025 + 1e-7);
    const d2 = (0.01 * -0.2) / Math.sqrt(0.0265 + 1e-7);
    const d3 = (0.01 * 0.3) / Math.sqrt(0.03285 + 1e-7);
    const m1 = d1;
    const m2 = 0.5 * m1 + d2;
    const m3 = 0.5 * m2 + d3;
    const [a, b, c] = steps({ ...config, momentum: 0.5 });
    expectClose(a!, 1 - m1, 1e-13);
    expectClose(b!, 1 - m1 - m2, 1e-13);
    expectClose(c!, 1 - m1 - m2 - m3, 1e-13);
  });

  it('keras docstring example', () => {
    // Keras's RMSprop documentation: learning_rate 0.1, var 10, loss var²/2 (gradient 10) → 9.683772
    const [after] = steps({ ...optimizerDefaults.rmsprop, learningRate: 0.1 }, 10, [10]);
    expect(after!).toBeCloseTo(9.683772, 6);
  });
});

describe('Adam', () => {
  const config = { ...optimizerDefaults.adam, learningRate: 0.01 };

  it('steps', () => {
    // m ← m + 0.1 (g − m), v ← v + 0.001 (g² − v), α_t = 0.01 √(1 − 0.999ᵗ) / (1 − 0.9ᵗ),
    // θ ← θ − α_t m / (√v + 1e-7)
    // m₁ = 0.05, v₁ = 0.00025;  m₂ = 0.05 + 0.1(−0.25) = 0.025, v₂ = 0.00025 + 0.001(0.04 − 0.00025) = 0.00028975;
    // m₃ = 0.025 + 0.1(0.275) = 0.0525, v₃ = 0.00028975 + 0.001(0.09 − 0.00028975) = 0.00037946025
    const alpha = (t: number) => (0.01 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
    const t1 = 1 - (alpha(1) * 0.05) / (Math.sqrt(0.00025) + 1e-7);
    const t2 = t1 - (alpha(2) * 0.025) / (Math.sqrt(0.00028975) + 1e-7);
    const t3 = t2 - (alpha(3) * 0.0525) / (Math.sqrt(0.00037946025) + 1e-7);
    const [a, b, c] = steps(config);
    expectClose(a!, t1, 1e-13);
    expectClose(b!, t2, 1e-13);
    expectClose(c!, t3, 1e-13);
    // The first step of Adam is about η in the direction of −g: 1 − 0.01 = 0.99
    expect(a!).toBeCloseTo(0.99, 6);
  });
});

describe('clipnorm', () => {
  it('scales a long gradient', () => {
    // ‖(3, 4)‖ = 5 > 1: g · 1/5 = (0.6, 0.8)
    const out = new Float64Array(2);
    clipByNorm(Float64Array.of(3, 4), 1, out);
    expect(Array.from(out)).toEqual([0.6, 0.8]);
  });

  it('keeps a short gradient', () => {
    const out = new Float64Array(2);
    clipByNorm(Float64Array.of(0.3, 0.4), 1, out);
    expect(Array.from(out)).toEqual([0.3, 0.4]);
  });

  it('clips each variable on its own', () => {
    // kernel gradient (3, 4) → (0.6, 0.8); bias gradient 0.5 is within the norm
    const optimizer = createOptimizer({ ...optimizerDefaults.sgd, learningRate: 1, clipnorm: 1 }, [2, 1]);
    const variables = [Float64Array.of(1, 1), Float64Array.of(1)];
    const g = [Float64Array.of(3, 4), Float64Array.of(0.5)];
    optimizer.apply(variables, g);
    expectClose(variables[0]![0]!, 0.4);
    expectClose(variables[0]![1]!, 0.2);
    expectClose(variables[1]![0]!, 0.5);
    expect(Array.from(g[0]!)).toEqual([3, 4]);
  });
});
