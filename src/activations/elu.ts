import type { ActivationSpec } from './types.js';

// ELU(z) = z if z > 0, else α(e^z − 1);  derivative 1, or ELU(z) + α = αe^z.  α = 1 unless given.
export const elu: ActivationSpec = {
  name: 'elu',
  latexName: '\\operatorname{ELU}',
  defaultAlpha: 1,
  forward: (z, alpha) => (z > 0 ? z : alpha * Math.expm1(z)),
  derivative: (z, a, alpha) => (z > 0 ? 1 : a + alpha),
  // (z + |z|)/2 is z for z > 0 and 0 otherwise; (z − |z|)/2 is 0 for z > 0 and z otherwise.
  expanded: '(z + abs(z)) / 2 + alpha * (exp((z - abs(z)) / 2) - 1)',
  textbook: 'z > 0 ? 1 : a + alpha',
  definitionTex: '\\operatorname{ELU}(z) = \\begin{cases} z & z > 0 \\\\ \\alpha (e^{z} - 1) & z \\le 0 \\end{cases}',
};
