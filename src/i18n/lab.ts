import type { Bilingual } from './lang.js';

/** How many seeds of a setting learned: `percent` is already formatted (85, 0,2). */
export interface SuccessCount {
  readonly successes: number;
  readonly seeds: number;
  readonly percent: string;
}

/** Texts of the lab handout. Arguments are finished Markdown, LaTeX or plain text. */
export interface LabMessages {
  readonly fileBase: string;
  readonly lossFigure: (id: string) => string;
  readonly boundaryFigure: (id: string) => string;
  readonly activationFigure: string;
  readonly activationsHeading: string;
  readonly activationsIntro: string;
  readonly activationsCaption: string;
  readonly curveLabels: { readonly f: string; readonly derivative: string };
  readonly setupHeading: string;
  readonly setupIntro: string;
  readonly setupRows: {
    readonly data: string;
    readonly model: string;
    readonly loss: string;
    readonly optimizer: string;
    readonly epochs: string;
    readonly batch: string;
    readonly seeds: string;
    readonly success: string;
  };
  readonly examples: (count: number, inputs: number, outputs: number) => string;
  readonly architecture: (sizes: readonly number[], hidden: string | null, output: string) => string;
  readonly seedsValue: (count: number, first: number, last: number) => string;
  readonly successRule: (threshold: string) => string;
  readonly question: string;
  readonly answer: string;
  readonly changes: string;
  readonly changed: {
    readonly activation: (name: string) => string;
    readonly outputActivation: (name: string) => string;
    readonly alpha: (value: string) => string;
    readonly loss: (name: string) => string;
    readonly optimizer: (call: string) => string;
    readonly shuffle: (shuffle: boolean) => string;
  };
  readonly overlap: string;
  readonly fastest: (setting: string, epochs: string) => string;
  readonly oneSetting: (count: SuccessCount) => string;
  readonly bestAndWorst: (best: string, bestCount: SuccessCount, worst: string, worstCount: SuccessCount) => string;
  readonly sharedBest: (count: number, total: number, percent: string) => string;
  readonly allSame: (count: SuccessCount) => string;
  readonly focusAnswer: (setting: string, count: SuccessCount) => string;
  readonly overall: (answer: string) => string;
  readonly columns: {
    readonly hidden: string;
    readonly optimizer: string;
    readonly learningRate: string;
    readonly batchSize: string;
    readonly epochs: string;
    readonly successes: string;
    readonly interval: string;
    readonly finalLoss: string;
    readonly epochsToSuccess: string;
    readonly diverged: string;
  };
  readonly none: string;
  readonly hiddenValue: (hidden: readonly number[]) => string;
  readonly hiddenLabel: (hidden: readonly number[]) => string;
  readonly batchValue: (size: number | null) => string;
  readonly batchLabel: (size: number | null) => string;
  readonly epochsValue: (epochs: number) => string;
  readonly momentum: (mu: string) => string;
  readonly nesterov: (mu: string) => string;
  /** BCP 47 tag for joining the parts of a setting's name: "2 neuronas ocultas y 400 épocas". */
  readonly locale: string;
  readonly lossCurvesCaption: (shown: number, seeds: number) => string;
  readonly lossAxis: (loss: string) => string;
  readonly epochAxis: string;
  readonly learned: string;
  readonly notLearned: string;
  readonly boundaryCaption: (seed: number) => string;
  readonly boundaryTitle: (label: string, outcome: 'learns' | 'fails' | 'diverges') => string;
  readonly predictionsHeading: (seed: number) => string;
  readonly predictionLine: (input: string, continuous: string, binary: string, truth: string) => string;
  readonly morePredictions: (count: number) => string;
  readonly methodHeading: string;
  readonly method: (threshold: string) => string[];
}

function seedsEs(count: SuccessCount): string {
  return `${count.successes} de ${count.seeds} ${count.seeds === 1 ? 'semilla' : 'semillas'} (${count.percent}\u00a0%)`;
}

/** "clasifica bien todos los ejemplos en 17 de 20 semillas (85 %)", or its negative for none. */
function learnsEs(count: SuccessCount): string {
  if (count.successes === 0 && count.seeds === 1) return 'no clasifica bien todos los ejemplos con su única semilla';
  if (count.successes === 0) return `no clasifica bien todos los ejemplos con ninguna de las ${count.seeds} semillas`;
  return `clasifica bien todos los ejemplos en ${seedsEs(count)}`;
}

function seedsEn(count: SuccessCount): string {
  if (count.successes === 0) return count.seeds === 1 ? 'no seed' : `none of the ${count.seeds} seeds`;
  return `${count.successes} of ${count.seeds} ${count.seeds === 1 ? 'seed' : 'seeds'} (${count.percent}\u00a0%)`;
}

const es: LabMessages = {
  fileBase: 'laboratorio',
  lossFigure: (id) => `perdida-${id}.svg`,
  boundaryFigure: (id) => `frontera-${id}.svg`,
  activationFigure: 'activaciones.svg',
  activationsHeading: 'Funciones de activación',
  activationsIntro:
    'Sin una función de activación no lineal, varias capas equivalen a una sola transformación lineal, que no separa datos como los de XOR. La derivada de la activación es el factor $f\'(z^{[l]})$ de cada capa en la regla de la cadena: donde vale casi 0, el gradiente se desvanece.',
  activationsCaption: 'Cada función (línea continua) y su derivada (línea discontinua).',
  curveLabels: { f: 'f(z)', derivative: 'f′(z)' },
  setupHeading: 'Configuración común',
  setupIntro: 'Cada experimento parte de esta configuración y cambia solo lo que indica.',
  setupRows: {
    data: 'Datos',
    model: 'Red',
    loss: 'Función de pérdida',
    optimizer: 'Optimizador',
    epochs: 'Épocas',
    batch: 'Tamaño de lote',
    seeds: 'Semillas por configuración',
    success: 'Éxito',
  },
  examples: (count, inputs, outputs) => `${count} ejemplos, ${inputs} ${inputs === 1 ? 'entrada' : 'entradas'} y ${outputs} ${outputs === 1 ? 'salida' : 'salidas'}`,
  architecture: (sizes, hidden, output) =>
    hidden === null ? `${sizes.join('-')} (sin capa oculta, salida con ${output})` : `${sizes.join('-')} (capas ocultas con ${hidden}, salida con ${output})`,
  seedsValue: (count, first, last) => (count === 1 ? `1 (la semilla ${first})` : `${count} (de la ${first} a la ${last}; cada semilla da otros pesos iniciales)`),
  successRule: (threshold) =>
    `todas las salidas del lado correcto de ${threshold} al terminar (predicción binaria = predicción verdadera en cada ejemplo). El intervalo del 95 % de cada tasa (de Wilson) indica cuánto podría cambiar con otras semillas.`,
  question: 'Pregunta',
  answer: 'Respuesta medida',
  changes: 'Cambia respecto de la configuración común',
  changed: {
    activation: (name) => `capas ocultas con ${name}`,
    outputActivation: (name) => `salida con ${name}`,
    alpha: (value) => `α = ${value}`,
    loss: (name) => `pérdida \`${name}\``,
    optimizer: (call) => `optimizador \`${call}\``,
    shuffle: (shuffle) => (shuffle ? 'ejemplos barajados en cada época' : 'ejemplos sin barajar'),
  },
  overlap: 'Los intervalos del 95\u00a0% de esas dos configuraciones se solapan: con estas semillas, la diferencia puede deberse al azar.',
  fastest: (setting, epochs) => `La configuración que aprende antes es la de ${setting}, con una mediana de ${epochs} épocas hasta el éxito.`,
  oneSetting: (count) => `la red ${learnsEs(count)}.`,
  bestAndWorst: (best, bestCount, worst, worstCount) =>
    `con ${best}, la red ${learnsEs(bestCount)}; con ${worst}, ${worstCount.successes === 0 ? 'en ninguna' : `solo en ${seedsEs(worstCount)}`}.`,
  sharedBest: (count, total, percent) => `De las ${total} configuraciones, ${count} ${count === 1 ? 'llega' : 'llegan'} a ese ${percent}\u00a0%.`,
  allSame: (count) => `con todas las configuraciones, la red ${learnsEs(count)}.`,
  focusAnswer: (setting, count) => `con ${setting}, la red ${learnsEs(count)}.`,
  overall: (answer) => `En todo el experimento, ${answer}`,
  columns: {
    hidden: 'Neuronas ocultas',
    optimizer: 'Optimizador',
    learningRate: 'Tasa de aprendizaje $\\eta$',
    batchSize: 'Lote',
    epochs: 'Épocas',
    successes: 'Éxitos',
    interval: 'Intervalo del 95\u00a0%',
    finalLoss: 'Pérdida final (mediana)',
    epochsToSuccess: 'Épocas hasta el éxito (mediana de las que aprenden)',
    diverged: 'Divergen',
  },
  none: '—',
  hiddenValue: (hidden) => (hidden.length === 0 ? 'ninguna' : hidden.join('-')),
  hiddenLabel: (hidden) => {
    if (hidden.length === 0) return 'sin capa oculta';
    if (hidden.length > 1) return `capas ocultas ${hidden.join('-')}`;
    return hidden[0] === 1 ? '1 neurona oculta' : `${hidden[0]} neuronas ocultas`;
  },
  batchValue: (size) => (size === null ? 'completo' : String(size)),
  batchLabel: (size) => (size === null ? 'lote completo' : `lotes de ${size}`),
  epochsValue: (epochs) => (epochs === 1 ? '1 época' : `${epochs} épocas`),
  momentum: (mu) => `momento ${mu}`,
  nesterov: (mu) => `Nesterov, momento ${mu}`,
  locale: 'es',
  lossCurvesCaption: (shown, seeds) =>
    `Pérdida por época de ${seeds === 1 ? 'la única semilla' : shown === seeds ? `las ${seeds} semillas` : `las primeras ${shown} de las ${seeds} semillas`} de cada configuración: en azul las que terminan clasificando bien todos los ejemplos, en rojo anaranjado las que no.`,
  lossAxis: (loss) => `pérdida (${loss})`,
  epochAxis: 'época',
  learned: 'aprende',
  notLearned: 'no aprende',
  boundaryCaption: (seed) =>
    `Salida de la red entrenada con la semilla ${seed} en el plano de entradas: naranja cerca de 1, azul cerca de 0; los puntos son los ejemplos, rellenos según su clase.`,
  boundaryTitle: (label, outcome) => `${label} (${{ learns: 'aprende', fails: 'no aprende', diverges: 'diverge' }[outcome]})`,
  predictionsHeading: (seed) => `Predicciones de la semilla ${seed}, como las imprime el cuaderno`,
  predictionLine: (input, continuous, binary, truth) =>
    `Entrada: ${input}, Predicción continua: ${continuous}, Predicción binaria: ${binary}, Predicción verdadera: ${truth}`,
  morePredictions: (count) => `… y ${count === 1 ? '1 ejemplo más' : `${count} ejemplos más`}`,
  methodHeading: 'Cómo se calculó',
  method: (threshold) => [
    'Cada configuración se entrena una vez por semilla, en float64, con las reglas de actualización de Keras (SGD, momento, Nesterov, RMSprop y Adam) y sus valores por omisión.',
    'Los pesos iniciales siguen Glorot uniforme, como las capas Dense de Keras, y los sesgos empiezan en cero. Las semillas de cadena no son las de TensorFlow: la semilla 1 de este documento no da los mismos pesos que en el cuaderno, pero sí la misma distribución.',
    'Cada época baraja los ejemplos y hace una actualización por lote; la pérdida de cada época es la media de las pérdidas que vio cada lote, como `history.history["loss"]` de Keras.',
    `Una predicción binaria es 1 cuando la salida pasa de ${threshold}. «Épocas hasta el éxito» es la primera época desde la cual todas las salidas quedan del lado correcto hasta el final; su mediana se toma sobre las semillas que aprenden, así que con más épocas puede crecer.`,
    'El intervalo del 95 % es el de Wilson para una proporción, con sus extremos redondeados hacia afuera: con 20 semillas, una tasa medida del 70 % es compatible con tasas verdaderas de entre el 48 % y el 86 %. Dos configuraciones cuyos intervalos se solapan mucho pueden no ser distintas; más semillas (`seeds` o `--seeds`) estrechan los intervalos.',
    'Con la misma especificación y las mismas semillas, cadena da exactamente los mismos números en cualquier máquina.',
  ],
};

const en: LabMessages = {
  fileBase: 'lab',
  lossFigure: (id) => `loss-${id}.svg`,
  boundaryFigure: (id) => `boundary-${id}.svg`,
  activationFigure: 'activations.svg',
  activationsHeading: 'Activation functions',
  activationsIntro:
    "Without a nonlinear activation function, several layers amount to one linear transformation, which cannot separate data such as XOR's. The activation's derivative is each layer's factor $f'(z^{[l]})$ in the chain rule: where it is nearly 0, the gradient vanishes.",
  activationsCaption: 'Each function (solid line) and its derivative (dashed line).',
  curveLabels: { f: 'f(z)', derivative: 'f′(z)' },
  setupHeading: 'Common setup',
  setupIntro: 'Every experiment starts from this setup and changes only what it says.',
  setupRows: {
    data: 'Data',
    model: 'Network',
    loss: 'Loss function',
    optimizer: 'Optimizer',
    epochs: 'Epochs',
    batch: 'Batch size',
    seeds: 'Seeds per setting',
    success: 'Success',
  },
  examples: (count, inputs, outputs) => `${count} examples, ${inputs} ${inputs === 1 ? 'input' : 'inputs'} and ${outputs} ${outputs === 1 ? 'output' : 'outputs'}`,
  architecture: (sizes, hidden, output) =>
    hidden === null ? `${sizes.join('-')} (no hidden layer, output with ${output})` : `${sizes.join('-')} (hidden layers with ${hidden}, output with ${output})`,
  seedsValue: (count, first, last) => (count === 1 ? `1 (seed ${first})` : `${count} (${first} to ${last}; each seed gives different initial weights)`),
  successRule: (threshold) =>
    `every output on the right side of ${threshold} at the end (binary prediction = true value for every example). The 95 % interval of each rate (Wilson's) shows how much it could change with other seeds.`,
  question: 'Question',
  answer: 'Measured answer',
  changes: 'Changes from the common setup',
  changed: {
    activation: (name) => `hidden layers with ${name}`,
    outputActivation: (name) => `output with ${name}`,
    alpha: (value) => `α = ${value}`,
    loss: (name) => `loss \`${name}\``,
    optimizer: (call) => `optimizer \`${call}\``,
    shuffle: (shuffle) => (shuffle ? 'examples shuffled every epoch' : 'examples not shuffled'),
  },
  overlap: 'The 95\u00a0% intervals of those two settings overlap: with these seeds, the difference may be chance.',
  fastest: (setting, epochs) => `The setting that learns first is the one with ${setting}, with a median of ${epochs} epochs to success.`,
  oneSetting: (count) => `the network classifies every example correctly with ${seedsEn(count)}.`,
  bestAndWorst: (best, bestCount, worst, worstCount) =>
    `with ${best}, the network classifies every example correctly with ${seedsEn(bestCount)}; with ${worst}, ${worstCount.successes === 0 ? 'never' : `only with ${seedsEn(worstCount)}`}.`,
  sharedBest: (count, total, percent) => `Of the ${total} settings, ${count} ${count === 1 ? 'reaches' : 'reach'} that ${percent}\u00a0%.`,
  allSame: (count) => `with every setting, the network classifies every example correctly with ${seedsEn(count)}.`,
  focusAnswer: (setting, count) => `with ${setting}, the network classifies every example correctly with ${seedsEn(count)}.`,
  overall: (answer) => `Across the experiment, ${answer}`,
  columns: {
    hidden: 'Hidden neurons',
    optimizer: 'Optimizer',
    learningRate: 'Learning rate $\\eta$',
    batchSize: 'Batch',
    epochs: 'Epochs',
    successes: 'Successes',
    interval: '95\u00a0% interval',
    finalLoss: 'Final loss (median)',
    epochsToSuccess: 'Epochs to success (median of those that learn)',
    diverged: 'Diverged',
  },
  none: '—',
  hiddenValue: (hidden) => (hidden.length === 0 ? 'none' : hidden.join('-')),
  hiddenLabel: (hidden) => {
    if (hidden.length === 0) return 'no hidden layer';
    if (hidden.length > 1) return `hidden layers ${hidden.join('-')}`;
    return hidden[0] === 1 ? '1 hidden neuron' : `${hidden[0]} hidden neurons`;
  },
  batchValue: (size) => (size === null ? 'full' : String(size)),
  batchLabel: (size) => (size === null ? 'full-batch updates' : `batches of ${size}`),
  epochsValue: (epochs) => (epochs === 1 ? '1 epoch' : `${epochs} epochs`),
  momentum: (mu) => `momentum ${mu}`,
  nesterov: (mu) => `Nesterov, momentum ${mu}`,
  locale: 'en',
  lossCurvesCaption: (shown, seeds) =>
    `Loss per epoch of ${seeds === 1 ? 'the only seed' : shown === seeds ? `the ${seeds} seeds` : `the first ${shown} of the ${seeds} seeds`} of each setting: blue for the runs that end classifying every example correctly, orange-red for the others.`,
  lossAxis: (loss) => `loss (${loss})`,
  epochAxis: 'epoch',
  learned: 'learns',
  notLearned: 'does not learn',
  boundaryCaption: (seed) =>
    `Output of the network trained with seed ${seed} over the input plane: orange near 1, blue near 0; the dots are the examples, filled by their class.`,
  boundaryTitle: (label, outcome) => `${label} (${{ learns: 'learns', fails: 'does not learn', diverges: 'diverges' }[outcome]})`,
  predictionsHeading: (seed) => `Predictions of seed ${seed}, as the notebook prints them`,
  predictionLine: (input, continuous, binary, truth) =>
    `Input: ${input}, Continuous prediction: ${continuous}, Binary prediction: ${binary}, True value: ${truth}`,
  morePredictions: (count) => `… and ${count === 1 ? '1 more example' : `${count} more examples`}`,
  methodHeading: 'How this was computed',
  method: (threshold) => [
    "Every setting is trained once per seed, in float64, with Keras's update rules (SGD, momentum, Nesterov, RMSprop and Adam) and its default values.",
    "Initial weights follow Glorot uniform, as Keras's Dense layers do, and biases start at zero. cadena's seeds are not TensorFlow's: seed 1 here does not give the notebook's weights, only the same distribution.",
    'Every epoch shuffles the examples and makes one update per batch; the loss of an epoch is the mean of the losses each batch saw, as Keras\'s `history.history["loss"]`.',
    `A binary prediction is 1 when the output is above ${threshold}. "Epochs to success" is the first epoch from which every output stays on the right side until the end; its median is over the seeds that learn, so it can grow with more epochs.`,
    "The 95 % interval is Wilson's for a proportion, with its ends rounded outwards: with 20 seeds, a measured rate of 70 % is consistent with true rates between 48 % and 86 %. Two settings whose intervals overlap widely may not differ; more seeds (`seeds` or `--seeds`) narrow the intervals.",
    'With the same spec and seeds, cadena gives exactly the same numbers on any machine.',
  ],
};

export const labMessages: Bilingual<LabMessages> = { es, en };
