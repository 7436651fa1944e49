import type { ActivationSpec } from './types.js';

// tanh(z) = (e^z − e^{−z}) / (e^z + e^{−z}),  tanh'(z) = 1 − tanh²(z)
export const tanh: ActivationSpec = {
  name: 'tanh',
  latexName: '\\tanh',
  forward: (z) => Math.tanh(z),
  derivative: (_z, a) => 1 - a * a,
  expanded: '(exp(z) - exp(-z)) / (exp(z) + exp(-z))',
  textbook: '1 - a^2',
  definitionTex: '\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}',
};
