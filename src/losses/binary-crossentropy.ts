import type { LossSpec } from './types.js';

// Keras `binary_crossentropy`: E = −(1/n) Σ_i [y_i log ŷ_i + (1 − y_i) log(1 − ŷ_i)], so
// E_i = −(1/n)[y log ŷ + (1 − y) log(1 − ŷ)] and dE_i/dŷ_i = (ŷ − y) / (n ŷ (1 − ŷ)).
// With a sigmoid output the chain product dE_i/dŷ_i · σ'(z) simplifies to (ŷ − y)/n.
export const binaryCrossentropy: LossSpec = {
  name: 'binary_crossentropy',
  term: '-1 / n * (y * log(yhat) + (1 - y) * log(1 - yhat))',
  textbook: '(yhat - y) / (n * yhat * (1 - yhat))',
  forward: (y, yhat, n) => (-1 / n) * (y * Math.log(yhat) + (1 - y) * Math.log1p(-yhat)),
  derivative: (y, yhat, n) => (yhat - y) / (n * yhat * (1 - yhat)),
};
