/**
 * An activation function applied elementwise: a = f(z).
 *
 * `derivative` and `textbook` hold the same formula: the first as code, the second as a
 * mathjs expression over the symbols `z`, `a` (the activation's output) and `alpha`, so
 * the worked solution prints exactly what the code evaluates. Tests check both against
 * mathjs's own derivative of `expanded`.
 */
export interface ActivationSpec {
  /** Name used in network specs and as the mathjs function name in the graph. */
  readonly name: string;
  /** LaTeX of the function name, e.g. `\sigma`. */
  readonly latexName: string;
  /** Default of `alpha` for activations that take one (leaky_relu, elu). */
  readonly defaultAlpha?: number;
  forward(z: number, alpha: number): number;
  /** da/dz in textbook form, in terms of the output `a` where that is the textbook form. */
  derivative(z: number, a: number, alpha: number): number;
  /** mathjs expression of a in terms of `z` and `alpha`, with nothing but elementary functions. */
  readonly expanded: string;
  /** mathjs expression of da/dz in textbook form over `z`, `a` and `alpha`. */
  readonly textbook: string;
  /** LaTeX definition of f(z) shown once in worked solutions, over the symbol `z`. */
  readonly definitionTex: string;
}
