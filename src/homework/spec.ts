import type { ActivationName } from '../activations/index.js';
import type { LossName } from '../losses/index.js';
import type { ParameterRef } from '../network/notation.js';
import type { Display } from '../network/spec.js';

/**
 * How one kind of value is drawn for a variant: one of a list (`values`), or a number in
 * [min, max] with `decimals` decimals, uniformly on that grid.
 */
export type ValueDraw =
  | { readonly kind: 'list'; readonly values: readonly number[] }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly decimals: number };

export interface ValueDraws {
  readonly weights: ValueDraw;
  readonly biases: ValueDraw;
  readonly inputs: ValueDraw;
  readonly targets: ValueDraw;
  readonly learningRate: ValueDraw;
}

/** The network every variant shares: only its numbers change from student to student. */
export interface Architecture {
  /** Neurons per layer, inputs first: [2, 2, 2] is the lecture's network. */
  readonly sizes: readonly number[];
  /** One activation per layer after the inputs. */
  readonly activations: readonly ActivationName[];
  /** Parameter of leaky_relu and elu per layer (the activation's default where absent). */
  readonly alphas: readonly number[];
  readonly loss: LossName;
  /** One bias per layer (`shared`, as in the lecture) or one per neuron. */
  readonly bias: 'shared' | 'per-neuron';
}

/** z, a (hidden and output), ŷ and the error terms E_i and E. */
export type ForwardQuantity = 'z' | 'a' | 'yhat' | 'E';

/** A question of a homework, in the order the sheet lists them. */
export type Question =
  /** New values of the parameters after one gradient-descent step. */
  | { readonly kind: 'update'; readonly parameters: readonly ParameterRef[] }
  /** ∂E/∂θ of the parameters. */
  | { readonly kind: 'gradient'; readonly parameters: readonly ParameterRef[] }
  /** ∂E_i/∂θ for each output i, as the slides do for w_{1,1}^{[1]}. */
  | { readonly kind: 'contribution'; readonly parameter: ParameterRef }
  /** Values of the forward pass. */
  | { readonly kind: 'forward'; readonly quantities: readonly ForwardQuantity[] };

export interface Quality {
  /** No unit of any variant may have |z| beyond this (a saturated sigmoid teaches nothing). */
  readonly maxAbsZ: number;
  /** Draws tried per student before giving up with an error. */
  readonly maxTries: number;
}

export interface Submission {
  /** Address the answers go to, printed on the sheet, or null when the course gives it elsewhere. */
  readonly to: string | null;
  /** Subject line; `{code}` becomes the variant code and `{id}` the student id. */
  readonly subject: string;
  /** Extra text for the sheet, in Markdown; null for none. */
  readonly instructions: string | null;
}

/** A homework spec (`exercises/tarea-*.yaml`) after validation. */
export interface HomeworkSpec {
  /** Lower-case letters, digits and hyphens; part of every variant's seed. */
  readonly id: string;
  readonly title: string;
  readonly architecture: Architecture;
  readonly values: ValueDraws;
  readonly questions: readonly Question[];
  readonly display: Display;
  readonly quality: Quality;
  /** ISO 8601 date-time with its UTC offset as written, or null. */
  readonly deadline: string | null;
  readonly submission: Submission;
}

/** A student from the roster. */
export interface Student {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** 1-based line of the roster file, for messages. */
  readonly line: number;
}
