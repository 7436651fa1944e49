import type { ActivationSpec } from './types.js';

// LeakyReLU(z) = z if z > 0, else αz;  derivative 1 or α.  α = 0.01 unless the spec gives one.
export const leakyRelu: ActivationSpec = {
  name: 'leaky_relu',
  latexName: '\\operatorname{LeakyReLU}',
  defaultAlpha: 0.01,
  forward: (z, alpha) => (z > 0 ? z : alpha * z),
  derivative: (z, _a, alpha) => (z > 0 ? 1 : alpha),
  expanded: '((1 + alpha) * z + (1 - alpha) * abs(z)) / 2',
  textbook: 'z > 0 ? 1 : alpha',
  definitionTex: '\\operatorname{LeakyReLU}(z) = \\begin{cases} z & z > 0 \\\\ \\alpha z & z \\le 0 \\end{cases}',
};
