import type { Bilingual } from '../i18n/lang.js';
import { subscript } from '../network/notation.js';
import type { Problem } from '../network/spec.js';
import type { Misconception } from './computation.js';

/**
 * A misconception with a name: the computation a student with it does, and what to tell
 * them. Every mistake the answer key records and the grader diagnoses is defined here.
 */
export interface MistakeModel {
  /** Stable id, used in answer keys and gradebooks: `mistake:<id>`. */
  readonly id: string;
  readonly misconception: Partial<Misconception>;
  /** Only for parameters of hidden layers (a path choice means nothing in the output layer). */
  readonly hiddenOnly: boolean;
  /** Description of what the student did, naming the step, in plain Unicode. */
  readonly description: Bilingual<string>;
}

/** List the mistake models that make sense for this network, in a fixed order. */
export function mistakeModels(problem: Problem): MistakeModel[] {
  const { network } = problem;
  const outputs = network.layers[network.layers.length - 1]!.weights.length;
  const models: MistakeModel[] = [
    {
      id: 'late-update',
      misconception: { lateUpdate: true },
      hiddenOnly: true,
      description: {
        es: 'actualizaste los pesos de la capa siguiente antes de calcular los gradientes de esta capa, y retropropagaste con los pesos nuevos; todas las derivadas usan los pesos originales',
        en: 'you updated the next layer’s weights before computing this layer’s gradients and backpropagated through the new weights; every derivative uses the original weights',
      },
    },
  ];

  if (network.layers.some((layer) => layer.activation === 'sigmoid')) {
    models.push(
      {
        id: 'sigmoid-z',
        misconception: { sigmoidDerivative: 'z(1-z)' },
        hiddenOnly: false,
        description: {
          es: 'usaste z(1 − z) en lugar de σ(z)(1 − σ(z)) al derivar la sigmoide',
          en: 'you used z(1 − z) instead of σ(z)(1 − σ(z)) for the derivative of the sigmoid',
        },
      },
      {
        id: 'sigmoid-mixed',
        misconception: { sigmoidDerivative: 'a(1-z)' },
        hiddenOnly: false,
        description: {
          es: 'usaste σ(z)(1 − z) en lugar de σ(z)(1 − σ(z)) al derivar la sigmoide',
          en: 'you used σ(z)(1 − z) instead of σ(z)(1 − σ(z)) for the derivative of the sigmoid',
        },
      },
      {
        id: 'sigmoid-twice',
        misconception: { sigmoidDerivative: 'sigma(a)' },
        hiddenOnly: false,
        description: {
          es: 'aplicaste la sigmoide dos veces: usaste σ(a)(1 − σ(a)) en lugar de a(1 − a), con a = σ(z)',
          en: 'you applied the sigmoid twice: σ(a)(1 − σ(a)) instead of a(1 − a), where a = σ(z)',
        },
      },
    );
  }

  if (outputs > 1) {
    for (let i = 0; i < outputs; i++) {
      const through = `ŷ${subscript(i + 1)}`;
      models.push({
        id: `one-path-y${i + 1}`,
        misconception: { onlyOutput: i },
        hiddenOnly: true,
        description: {
          es: `seguiste solo el camino que pasa por ${through}: el parámetro llega a E por todas las salidas y hay que sumar la contribución de cada una`,
          en: `you followed only the path through ${through}: the parameter reaches E through every output, and the contributions of all of them must be added`,
        },
      });
    }
  }

  models.push(
    {
      id: 'wrong-sign',
      misconception: { update: 'wrong-sign' },
      hiddenOnly: false,
      description: { es: 'sumaste η · dE/dθ en lugar de restarlo: el descenso por gradiente va contra el gradiente', en: 'you added η · dE/dθ instead of subtracting it: gradient descent goes against the gradient' },
    },
    {
      id: 'no-learning-rate',
      misconception: { update: 'no-learning-rate' },
      hiddenOnly: false,
      description: { es: 'olvidaste multiplicar el gradiente por la tasa de aprendizaje η', en: 'you forgot to multiply the gradient by the learning rate η' },
    },
    {
      id: 'gradient-sent',
      misconception: { update: 'gradient-sent' },
      hiddenOnly: false,
      description: { es: 'enviaste el gradiente dE/dθ en lugar del valor actualizado θ − η · dE/dθ', en: 'you sent the gradient dE/dθ instead of the updated value θ − η · dE/dθ' },
    },
    {
      id: 'no-output-derivative',
      misconception: { dropOutputDerivative: true },
      hiddenOnly: false,
      description: {
        es: 'omitiste la derivada de la activación de salida, dŷ/dz^[L], en la cadena',
        en: 'you left the output activation’s derivative, dŷ/dz^[L], out of the chain',
      },
    },
  );

  if (network.loss === 'mse_half') {
    models.push({
      id: 'no-half',
      misconception: { dropHalf: true },
      hiddenOnly: false,
      description: {
        es: 'olvidaste el ½ de E = ½(y − ŷ)²: dE/dŷ es ŷ − y, no 2(ŷ − y)',
        en: 'you dropped the ½ of E = ½(y − ŷ)²: dE/dŷ is ŷ − y, not 2(ŷ − y)',
      },
    });
  }

  models.push({
    id: 'swapped-indices',
    misconception: { swapIndices: true },
    hiddenOnly: false,
    description: {
      es: 'intercambiaste los índices: w_j,k une la entrada k con la neurona j, y usaste el gradiente de w_k,j',
      en: 'you swapped the indices: w_j,k joins input k to neuron j, and you used the gradient of w_k,j',
    },
  });

  const sharedLayers = network.layers.filter((layer) => typeof layer.bias === 'number' && layer.weights.length > 1);
  const widest = Math.max(0, ...sharedLayers.map((layer) => layer.weights.length));
  for (let j = 0; j < widest; j++) {
    models.push({
      id: `bias-one-neuron-${j + 1}`,
      misconception: { biasFromNeuron: j },
      hiddenOnly: false,
      description: {
        es: `tomaste el gradiente del sesgo compartido solo de la neurona ${j + 1}: el sesgo llega a todas las neuronas de su capa y hay que sumar sus δ`,
        en: `you took the shared bias’s gradient from neuron ${j + 1} only: the bias feeds every neuron of its layer, and their δ must be added`,
      },
    });
  }

  models.push({
    id: 'update-twice',
    misconception: { update: 'twice' },
    hiddenOnly: false,
    description: { es: 'aplicaste la actualización dos veces: θ − 2η · dE/dθ', en: 'you applied the update twice: θ − 2η · dE/dθ' },
  });
  return models;
}
