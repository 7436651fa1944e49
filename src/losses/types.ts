/**
 * A loss written as a sum of per-output terms, E = Σ_i E_i, as the slides split it.
 *
 * `term` and `textbook` are mathjs expressions over `y` (target), `yhat` (prediction) and
 * `n` (number of outputs); `forward` and `derivative` evaluate the same formulas. Tests
 * check `textbook` against mathjs's own derivative of `term`.
 */
export interface LossSpec {
  readonly name: string;
  /** E_i as a mathjs expression. */
  readonly term: string;
  /** dE_i/dŷ_i in textbook form as a mathjs expression. */
  readonly textbook: string;
  forward(y: number, yhat: number, n: number): number;
  derivative(y: number, yhat: number, n: number): number;
}
