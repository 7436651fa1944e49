import type { LossSpec } from './types.js';

// Keras `mean_squared_error`: E = (1/n) Σ_i (y_i − ŷ_i)², so E_i = (1/n)(y_i − ŷ_i)²
// and dE_i/dŷ_i = (2/n)(ŷ_i − y_i).
export const mse: LossSpec = {
  name: 'mse',
  term: '1 / n * (y - yhat)^2',
  textbook: '2 / n * (yhat - y)',
  forward: (y, yhat, n) => ((y - yhat) ** 2) / n,
  derivative: (y, yhat, n) => (2 / n) * (yhat - y),
};
