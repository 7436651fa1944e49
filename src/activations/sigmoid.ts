import type { ActivationSpec } from './types.js';

// σ(z) = 1 / (1 + e^{−z}),  σ'(z) = σ(z)(1 − σ(z))
export const sigmoid: ActivationSpec = {
  name: 'sigmoid',
  latexName: '\\sigma',
  forward: (z) => 1 / (1 + Math.exp(-z)),
  derivative: (_z, a) => a * (1 - a),
  expanded: '1 / (1 + exp(-z))',
  textbook: 'a * (1 - a)',
  definitionTex: '\\sigma(z) = \\frac{1}{1 + e^{-z}}',
};
