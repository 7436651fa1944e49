import type { LossSpec } from './types.js';

// E_i = ½ (y_i − ŷ_i)²,  dE_i/dŷ_i = ŷ_i − y_i
export const mseHalf: LossSpec = {
  name: 'mse_half',
  term: '1 / 2 * (y - yhat)^2',
  textbook: 'yhat - y',
  forward: (y, yhat) => 0.5 * (y - yhat) ** 2,
  derivative: (y, yhat) => yhat - y,
};
