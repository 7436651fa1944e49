import type { ActivationName } from '../activations/index.js';
import type { LossName } from '../losses/index.js';
import type { Bilingual } from './lang.js';

/** Texts of the worked solution. Arguments are LaTeX or formatted numbers, already built. */
export interface DocumentMessages {
  readonly title: string;
  readonly intro: (architecture: string) => string;
  readonly precision: (digits: number, truncated: boolean) => string;
  readonly networkHeading: string;
  readonly diagramAlt: string;
  readonly pathsAlt: string;
  readonly symbol: string;
  readonly value: string;
  readonly inputs: string;
  readonly targets: string;
  readonly weightsOfLayer: (layerTex: string) => string;
  readonly biasOfLayer: (layerTex: string, shared: boolean) => string;
  readonly activationOfLayer: (layer: number, name: string) => string;
  readonly learningRate: string;
  readonly conventions: string;
  readonly lossDefinition: string;
  readonly forwardHeading: string;
  readonly layerHeading: (layer: number, output: boolean) => string;
  readonly errorHeading: string;
  readonly backwardHeading: string;
  readonly updateNote: string;
  readonly parameterHeading: (symbolTex: string, valueTex: string) => string;
  readonly reaches: (outputsTex: string[], separately: boolean) => string;
  readonly sharedBiasNote: string;
  readonly splitByTerm: string;
  readonly contributionHeading: (termTex: string) => string;
  readonly pathHeading: (index: number, throughTex: string) => string;
  readonly factorByFactor: string;
  readonly computedAbove: string;
  readonly computedIn: (whereTex: string) => string;
  readonly product: string;
  readonly sumOfPaths: string;
  readonly sumHeading: string;
  readonly updateHeading: string;
  readonly deltaFormReason: (paths: number, limit: number) => string;
  readonly deltaHeading: string;
  readonly deltaIntro: string;
  readonly deltaGradient: string;
  readonly summaryHeading: string;
  readonly parameter: string;
  readonly gradient: string;
  readonly updated: string;
  readonly activationNames: Record<ActivationName, string>;
  readonly lossNames: Record<LossName, string>;
}

const es: DocumentMessages = {
  title: 'Retropropagación: solución desarrollada',
  intro: (architecture) =>
    `Red ${architecture}. Se calcula la propagación hacia adelante, el error y, con la regla de la cadena, la derivada del error respecto a cada peso y sesgo, y su nuevo valor tras un paso de descenso por gradiente.`,
  precision: (digits, truncated) =>
    `Los números se muestran ${truncated ? 'truncados' : 'redondeados'} a ${digits} decimales; todas las cuentas se hacen con la precisión completa (float64), por lo que el último dígito de un resultado puede no coincidir con la cuenta hecha a mano con los valores mostrados.`,
  networkHeading: 'La red y la notación',
  diagramAlt: 'Diagrama de la red con sus pesos y sesgos',
  pathsAlt: 'Caminos de la regla de la cadena resaltados en la red',
  symbol: 'Símbolo',
  value: 'Valor',
  inputs: 'Entrada',
  targets: 'Salida esperada',
  weightsOfLayer: (layerTex) => `Pesos de la capa ${layerTex} (fila $j$: neurona $j$; columna $k$: entrada $k$)`,
  biasOfLayer: (layerTex, shared) => (shared ? `Sesgo de la capa ${layerTex} (compartido por sus neuronas)` : `Sesgos de la capa ${layerTex}`),
  activationOfLayer: (layer, name) => `Activación de la capa ${layer}: ${name}`,
  learningRate: 'Tasa de aprendizaje',
  conventions: 'Convenciones:',
  lossDefinition: 'Función de error:',
  forwardHeading: 'Propagación hacia adelante',
  layerHeading: (layer, output) => (output ? `Capa ${layer} (salida)` : `Capa ${layer}`),
  errorHeading: 'Error',
  backwardHeading: 'Propagación hacia atrás',
  updateNote:
    '**Nota:** los pesos se actualizan hasta el final, cuando ya se calcularon todas las derivadas; cada derivada usa los valores originales.',
  parameterHeading: (symbolTex, valueTex) => `¿Cuánto contribuye $${symbolTex} = ${valueTex}$ en $E$?`,
  reaches: (outputs, separately) => {
    if (outputs.length === 1) return `Este parámetro solo afecta a ${outputs[0]}.`;
    const affects = `Este parámetro afecta a ${joinList(outputs, 'y')}`;
    return separately ? `${affects}; calculamos por separado cada contribución.` : `${affects}.`;
  },
  sharedBiasNote: '(o $b^{[l]}$ en una capa con un sesgo compartido)',
  splitByTerm: 'La derivada del error total es la suma de las contribuciones:',
  contributionHeading: (termTex) => `Contribución a $${termTex}$`,
  pathHeading: (index, throughTex) => `Camino ${index}, por $${throughTex}$`,
  factorByFactor: 'Factor por factor:',
  computedAbove: 'ya lo habíamos calculado',
  computedIn: (whereTex) => `ya lo habíamos calculado (en $${whereTex}$)`,
  product: 'Producto:',
  sumOfPaths: 'Suma de los caminos:',
  sumHeading: 'Suma de las contribuciones',
  updateHeading: 'Actualización',
  deltaFormReason: (paths, limit) =>
    `Del parámetro al error hay ${paths} caminos, y solo se desarrollan uno por uno hasta ${limit}. Por eso se presenta en la forma δ, que agrupa los caminos que comparten factores (sección «Forma δ»).`,
  deltaHeading: 'Forma δ: la misma cuenta, reutilizando factores',
  deltaIntro:
    'Con $\\delta_j^{[l]} = \\frac{dE}{dz_j^{[l]}}$, cada capa reutiliza las δ de la capa siguiente: esto es la retropropagación. Los valores coinciden con los de las cadenas anteriores.',
  deltaGradient: 'Cada gradiente es una δ por la entrada correspondiente:',
  summaryHeading: 'Resumen',
  parameter: 'Parámetro',
  gradient: 'Gradiente',
  updated: 'Nuevo valor',
  activationNames: {
    sigmoid: 'sigmoide',
    tanh: 'tangente hiperbólica',
    relu: 'ReLU',
    leaky_relu: 'Leaky ReLU',
    elu: 'ELU',
    linear: 'lineal (identidad)',
  },
  lossNames: {
    mse_half: 'mitad del error cuadrático',
    mse: 'error cuadrático medio (mean_squared_error de Keras)',
    binary_crossentropy: 'entropía cruzada binaria (binary_crossentropy de Keras)',
  },
};

const en: DocumentMessages = {
  title: 'Backpropagation: worked solution',
  intro: (architecture) =>
    `A ${architecture} network. We compute the forward pass, the error and, with the chain rule, the derivative of the error with respect to every weight and bias, and its new value after one gradient-descent step.`,
  precision: (digits, truncated) =>
    `Numbers are shown ${truncated ? 'truncated' : 'rounded'} to ${digits} decimals; every computation uses full precision (float64), so the last digit of a result may differ from a hand computation with the values shown.`,
  networkHeading: 'The network and the notation',
  diagramAlt: 'Diagram of the network with its weights and biases',
  pathsAlt: 'Chain-rule paths highlighted on the network',
  symbol: 'Symbol',
  value: 'Value',
  inputs: 'Input',
  targets: 'Target',
  weightsOfLayer: (layerTex) => `Weights of layer ${layerTex} (row $j$: neuron $j$; column $k$: input $k$)`,
  biasOfLayer: (layerTex, shared) => (shared ? `Bias of layer ${layerTex} (shared by its neurons)` : `Biases of layer ${layerTex}`),
  activationOfLayer: (layer, name) => `Activation of layer ${layer}: ${name}`,
  learningRate: 'Learning rate',
  conventions: 'Conventions:',
  lossDefinition: 'Error function:',
  forwardHeading: 'Forward pass',
  layerHeading: (layer, output) => (output ? `Layer ${layer} (output)` : `Layer ${layer}`),
  errorHeading: 'Error',
  backwardHeading: 'Backward pass',
  updateNote:
    '**Note:** the weights are updated only at the end, once every derivative has been computed; each derivative uses the original values.',
  parameterHeading: (symbolTex, valueTex) => `How much does $${symbolTex} = ${valueTex}$ contribute to $E$?`,
  reaches: (outputs, separately) => {
    if (outputs.length === 1) return `This parameter affects only ${outputs[0]}.`;
    const affects = `This parameter affects ${joinList(outputs, 'and')}`;
    return separately ? `${affects}; we compute each contribution separately.` : `${affects}.`;
  },
  sharedBiasNote: '(or $b^{[l]}$ in a layer with one shared bias)',
  splitByTerm: 'The derivative of the total error is the sum of the contributions:',
  contributionHeading: (termTex) => `Contribution to $${termTex}$`,
  pathHeading: (index, throughTex) => `Path ${index}, through $${throughTex}$`,
  factorByFactor: 'Factor by factor:',
  computedAbove: 'already computed above',
  computedIn: (whereTex) => `already computed (in $${whereTex}$)`,
  product: 'Product:',
  sumOfPaths: 'Sum over the paths:',
  sumHeading: 'Sum of the contributions',
  updateHeading: 'Update',
  deltaFormReason: (paths, limit) =>
    `There are ${paths} paths from this parameter to the error, and at most ${limit} are worked out one by one. It is therefore shown in δ-form, which groups the paths that share factors (section “δ-form”).`,
  deltaHeading: 'δ-form: the same computation, reusing factors',
  deltaIntro:
    'With $\\delta_j^{[l]} = \\frac{dE}{dz_j^{[l]}}$, each layer reuses the δ of the next layer: this is backpropagation. The values agree with the chains above.',
  deltaGradient: 'Each gradient is a δ times the matching input:',
  summaryHeading: 'Summary',
  parameter: 'Parameter',
  gradient: 'Gradient',
  updated: 'New value',
  activationNames: {
    sigmoid: 'sigmoid',
    tanh: 'hyperbolic tangent',
    relu: 'ReLU',
    leaky_relu: 'Leaky ReLU',
    elu: 'ELU',
    linear: 'linear (identity)',
  },
  lossNames: {
    mse_half: 'half squared error',
    mse: 'mean squared error (Keras mean_squared_error)',
    binary_crossentropy: 'binary cross-entropy (Keras binary_crossentropy)',
  },
};

export const documentMessages: Bilingual<DocumentMessages> = { es, en };

function joinList(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
