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

/** Writes the Keras call that builds this optimizer, e.g. `SGD(learning_rate=4.5, momentum=0.9, nesterov=True)`. */
export function kerasCall(config: OptimizerConfig): string {
  const python = (value: number | boolean) => {
    if (typeof value === 'number') return pythonFloat(value);
    return value ? 'True' : 'False';
  };
  const clip = config.clipnorm === null ? '' : `, clipnorm=${python(config.clipnorm)}`;
  switch (config.name) {
    case 'sgd':
      return `SGD(learning_rate=${python(config.learningRate)}, momentum=${python(config.momentum)}, nesterov=${python(config.nesterov)}${clip})`;
    case 'rmsprop':
      return `RMSprop(learning_rate=${python(config.learningRate)}, rho=${python(config.rho)}, momentum=${python(config.momentum)}, epsilon=${python(config.epsilon)}${clip})`;
    case 'adam':
      return `Adam(learning_rate=${python(config.learningRate)}, beta_1=${python(config.beta1)}, beta_2=${python(config.beta2)}, epsilon=${python(config.epsilon)}${clip})`;
  }
}

/** Writes a float as Python prints it: 4.5, 0.0, 1e-07. */
function pythonFloat(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return value.toFixed(1);
  // Python switches to exponent form below 1e-4 (1e-05), JavaScript only below 1e-6.
  const text = value !== 0 && Math.abs(value) < 1e-4 ? value.toExponential() : String(value);
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}
