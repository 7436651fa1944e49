import type { ActivationSpec } from './types.js';

// linear(z) = z,  derivative 1.
export const linear: ActivationSpec = {
  name: 'linear',
  latexName: '\\operatorname{lin}',
  forward: (z) => z,
  derivative: () => 1,
  expanded: 'z',
  textbook: '1',
  definitionTex: '\\operatorname{lin}(z) = z',
};
