import type { ActivationSpec } from './types.js';

// ReLU(z) = max(0, z),  ReLU'(z) = 1 if z > 0, else 0.
// NOTE: at z = 0 the derivative is taken as 0, as TensorFlow and PyTorch do.
export const relu: ActivationSpec = {
  name: 'relu',
  latexName: '\\operatorname{ReLU}',
  forward: (z) => (z > 0 ? z : 0),
  derivative: (z) => (z > 0 ? 1 : 0),
  expanded: '(z + abs(z)) / 2',
  textbook: 'z > 0 ? 1 : 0',
  definitionTex: '\\operatorname{ReLU}(z) = \\max(0, z)',
};
