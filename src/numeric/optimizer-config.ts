/**
 * Optimizer settings with Keras's names and defaults (keras.optimizers.SGD, RMSprop, Adam).
 * `clipnorm`, when not null, rescales each variable's gradient (each kernel and each bias
 * vector on its own) to at most that L2 norm before the update, as Keras does.
 */
export type OptimizerConfig = SgdConfig | RmspropConfig | AdamConfig;

export type OptimizerName = OptimizerConfig['name'];

export interface SgdConfig {
  readonly name: 'sgd';
  readonly learningRate: number;
  readonly momentum: number;
  readonly nesterov: boolean;
  readonly clipnorm: number | null;
}

export interface RmspropConfig {
  readonly name: 'rmsprop';
  readonly learningRate: number;
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly clipnorm: number | null;
}

export interface AdamConfig {
  readonly name: 'adam';
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly clipnorm: number | null;
}

/** Keras 3 defaults, used for every key a spec leaves out. */
export const optimizerDefaults = {
  sgd: { name: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false, clipnorm: null },
  rmsprop: { name: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7, clipnorm: null },
  adam: { name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, clipnorm: null },
} as const satisfies { [N in OptimizerName]: Extract<OptimizerConfig, { name: N }> };
