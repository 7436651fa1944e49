import type { Bilingual } from './lang.js';

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
  readonly architecture: (sizes: readonly number[], hidden: string, output: string) => string;
  readonly seedsValue: (count: number, first: number, last: number) => string;
  readonly successRule: (threshold: string) => string;
  readonly question: string;
  readonly answer: string;
  readonly oneSetting: (successes: string) => string;
  readonly bestAndWorst: (best: string, bestSuccesses: string, worst: string, worstSuccesses: string) => string;
  readonly sharedBest: (count: number, total: number, percent: string) => string;
  readonly allSame: (successes: string) => string;
  readonly focusAnswer: (setting: string, successes: string) => string;
  readonly overall: (answer: string) => string;
  readonly successCount: (successes: number, seeds: number, percent: string) => string;
  readonly columns: {
    readonly hidden: string;
    readonly optimizer: string;
    readonly learningRate: string;
    readonly batchSize: string;
    readonly epochs: string;
    readonly successes: string;
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
  readonly lossCurvesCaption: (seeds: number) => string;
  readonly lossAxis: (loss: string) => string;
  readonly epochAxis: string;
  readonly learned: string;
  readonly notLearned: string;
  readonly boundaryCaption: (seed: number) => string;
  readonly boundaryTitle: (label: string, learned: boolean) => string;
  readonly predictionsHeading: (seed: number) => string;
  readonly predictionLine: (input: string, continuous: string, binary: string, truth: string) => string;
  readonly methodHeading: string;
  readonly method: (threshold: string) => string[];
}

const es: LabMessages = {
  fileBase: 'laboratorio',
  lossFigure: (id) => `perdida-${id}.svg`,
  boundaryFigure: (id) => `frontera-${id}.svg`,
  activationFigure: 'activaciones.svg',
  activationsHeading: 'Funciones de activación',
  activationsIntro:
    'Sin una función de activación no lineal, varias capas equivalen a una sola transformación lineal y la red no puede aprender XOR. Su derivada es el factor $f\'(z^{[l]})$ de cada capa en la regla de la cadena: donde vale casi 0, el gradiente se desvanece.',
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
  architecture: (sizes, hidden, output) => `${sizes.join('-')} (capas ocultas con ${hidden}, salida con ${output})`,
  seedsValue: (count, first, last) => `${count} (de la ${first} a la ${last}; cada semilla da otros pesos iniciales)`,
  successRule: (threshold) =>
    `todas las salidas del lado correcto de ${threshold} al terminar (predicción binaria = predicción verdadera en cada ejemplo)`,
  question: 'Pregunta',
  answer: 'Respuesta medida',
  oneSetting: (successes) => `la red clasifica bien todos los ejemplos en ${successes}.`,
  bestAndWorst: (best, bestSuccesses, worst, worstSuccesses) =>
    `con ${best}, la red clasifica bien todos los ejemplos en ${bestSuccesses}; con ${worst}, solo en ${worstSuccesses}.`,
  sharedBest: (count, total, percent) => `${count} de las ${total} configuraciones llegan a ese ${percent}\u00a0%.`,
  allSame: (successes) => `todas las configuraciones clasifican bien todos los ejemplos en ${successes}.`,
  focusAnswer: (setting, successes) => `con ${setting}, la red clasifica bien todos los ejemplos en ${successes}.`,
  overall: (answer) => `En todo el experimento, ${answer}`,
  successCount: (successes, seeds, percent) => `${successes} de ${seeds} semillas (${percent}\u00a0%)`,
  columns: {
    hidden: 'Neuronas ocultas',
    optimizer: 'Optimizador',
    learningRate: 'Tasa de aprendizaje $\\eta$',
    batchSize: 'Lote',
    epochs: 'Épocas',
    successes: 'Éxitos',
    finalLoss: 'Pérdida final (mediana)',
    epochsToSuccess: 'Épocas hasta el éxito (mediana)',
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
  batchLabel: (size) => (size === null ? 'lote completo' : `lote de ${size}`),
  epochsValue: (epochs) => `${epochs} épocas`,
  momentum: (mu) => `momento ${mu}`,
  nesterov: (mu) => `Nesterov, momento ${mu}`,
  locale: 'es',
  lossCurvesCaption: (seeds) =>
    `Pérdida por época de las ${seeds} semillas de cada configuración: en azul las que terminan clasificando bien todos los ejemplos, en rojo las que no.`,
  lossAxis: (loss) => `pérdida (${loss})`,
  epochAxis: 'época',
  learned: 'aprende',
  notLearned: 'no aprende',
  boundaryCaption: (seed) =>
    `Salida de la red entrenada con la semilla ${seed} en el plano de entradas: naranja cerca de 1, azul cerca de 0; los puntos son los ejemplos, rellenos según su clase.`,
  boundaryTitle: (label, learned) => `${label} (${learned ? 'aprende' : 'no aprende'})`,
  predictionsHeading: (seed) => `Predicciones de la red entrenada con la semilla ${seed}, como las imprime el cuaderno:`,
  predictionLine: (input, continuous, binary, truth) =>
    `Entrada: ${input}, Predicción continua: ${continuous}, Predicción binaria: ${binary}, Predicción verdadera: ${truth}`,
  methodHeading: 'Cómo se calculó',
  method: (threshold) => [
    'Cada configuración se entrena una vez por semilla, en float64, con las reglas de actualización de Keras (SGD, momento, Nesterov, RMSprop y Adam) y sus valores por omisión.',
    'Los pesos iniciales siguen Glorot uniforme, como las capas Dense de Keras, y los sesgos empiezan en cero. Las semillas de cadena no son las de TensorFlow: la semilla 1 de este documento no da los mismos pesos que en el cuaderno, pero sí la misma distribución.',
    'Cada época baraja los ejemplos y hace una actualización por lote; la pérdida de cada época es la media de las pérdidas que vio cada lote, como `history.history["loss"]` de Keras.',
    `Una predicción binaria es 1 cuando la salida pasa de ${threshold}. "Épocas hasta el éxito" es la primera época desde la cual todas las salidas quedan del lado correcto hasta el final.`,
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
    "Without a nonlinear activation function, several layers amount to one linear transformation and the network cannot learn XOR. Its derivative is each layer's factor $f'(z^{[l]})$ in the chain rule: where it is nearly 0, the gradient vanishes.",
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
  architecture: (sizes, hidden, output) => `${sizes.join('-')} (hidden layers with ${hidden}, output with ${output})`,
  seedsValue: (count, first, last) => `${count} (${first} to ${last}; each seed gives other initial weights)`,
  successRule: (threshold) =>
    `every output on the right side of ${threshold} at the end (binary prediction = true value for every example)`,
  question: 'Question',
  answer: 'Measured answer',
  oneSetting: (successes) => `the network classifies every example correctly with ${successes}.`,
  bestAndWorst: (best, bestSuccesses, worst, worstSuccesses) =>
    `with ${best}, the network classifies every example correctly with ${bestSuccesses}; with ${worst}, only with ${worstSuccesses}.`,
  sharedBest: (count, total, percent) => `${count} of the ${total} settings reach that ${percent}\u00a0%.`,
  allSame: (successes) => `every setting classifies every example correctly with ${successes}.`,
  focusAnswer: (setting, successes) => `with ${setting}, the network classifies every example correctly with ${successes}.`,
  overall: (answer) => `Across the experiment, ${answer}`,
  successCount: (successes, seeds, percent) => `${successes} of ${seeds} seeds (${percent}\u00a0%)`,
  columns: {
    hidden: 'Hidden neurons',
    optimizer: 'Optimizer',
    learningRate: 'Learning rate $\\eta$',
    batchSize: 'Batch',
    epochs: 'Epochs',
    successes: 'Successes',
    finalLoss: 'Final loss (median)',
    epochsToSuccess: 'Epochs to success (median)',
    diverged: 'Diverge',
  },
  none: '—',
  hiddenValue: (hidden) => (hidden.length === 0 ? 'none' : hidden.join('-')),
  hiddenLabel: (hidden) => {
    if (hidden.length === 0) return 'no hidden layer';
    if (hidden.length > 1) return `hidden layers ${hidden.join('-')}`;
    return hidden[0] === 1 ? '1 hidden neuron' : `${hidden[0]} hidden neurons`;
  },
  batchValue: (size) => (size === null ? 'full' : String(size)),
  batchLabel: (size) => (size === null ? 'full batch' : `batch of ${size}`),
  epochsValue: (epochs) => `${epochs} epochs`,
  momentum: (mu) => `momentum ${mu}`,
  nesterov: (mu) => `Nesterov, momentum ${mu}`,
  locale: 'en',
  lossCurvesCaption: (seeds) =>
    `Loss per epoch of the ${seeds} seeds of each setting: blue for the runs that end classifying every example correctly, red for the others.`,
  lossAxis: (loss) => `loss (${loss})`,
  epochAxis: 'epoch',
  learned: 'learns',
  notLearned: 'does not learn',
  boundaryCaption: (seed) =>
    `Output of the network trained with seed ${seed} over the input plane: orange near 1, blue near 0; the dots are the examples, filled by their class.`,
  boundaryTitle: (label, learned) => `${label} (${learned ? 'learns' : 'does not learn'})`,
  predictionsHeading: (seed) => `Predictions of the network trained with seed ${seed}, as the notebook prints them:`,
  predictionLine: (input, continuous, binary, truth) =>
    `Input: ${input}, Continuous prediction: ${continuous}, Binary prediction: ${binary}, True value: ${truth}`,
  methodHeading: 'How this was computed',
  method: (threshold) => [
    "Every setting is trained once per seed, in float64, with Keras's update rules (SGD, momentum, Nesterov, RMSprop and Adam) and its default values.",
    "Initial weights follow Glorot uniform, as Keras's Dense layers do, and biases start at zero. cadena's seeds are not TensorFlow's: seed 1 here does not give the notebook's weights, only the same distribution.",
    'Every epoch shuffles the examples and makes one update per batch; the loss of an epoch is the mean of the losses each batch saw, as Keras\'s `history.history["loss"]`.',
    `A binary prediction is 1 when the output is above ${threshold}. "Epochs to success" is the first epoch from which every output stays on the right side until the end.`,
    'With the same spec and seeds, cadena gives exactly the same numbers on any machine.',
  ],
};

export const labMessages: Bilingual<LabMessages> = { es, en };
