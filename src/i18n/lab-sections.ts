import type { OptimizerConfig } from '../numeric/optimizer-config.js';
import type { PlotActivationName } from '../lab/spec.js';
import { documentMessages } from './document.js';
import type { Bilingual } from './lang.js';

/** Whether the gradient of the first layer vanished, exploded or neither, compared with the last layer's. */
export type GradientVerdict = 'vanishes' | 'explodes' | 'neither';

/** Texts of the worked optimizer steps. Arguments are LaTeX or formatted numbers, already built. */
export interface OptimizerStepsMessages {
  readonly heading: string;
  /** `initialTex` is `w_0 = 1`, each of `gradientsTex` is `g_t = …`, `previousTex` is `w_{t-1}`. */
  readonly intro: (parameterTex: string, initialTex: string, gradientsTex: string[], previousTex: string) => string;
  readonly precision: (digits: number, truncated: boolean) => string;
  /** Name of an optimizer that the spec gives no label. */
  readonly optimizerName: (config: OptimizerConfig) => string;
  readonly keras: string;
  readonly description: (config: OptimizerConfig) => string;
  /** `settingsTex` lists the hyperparameters and the initial state, e.g. `\eta = 0.1`, `v_0 = 0`. */
  readonly rules: (settingsTex: string[]) => string;
  readonly clip: string;
  /** The arguments are θ_t and θ_{t−1} in LaTeX. */
  readonly adamKerasForm: (thetaTex: string, previousTex: string) => string;
  /** `gradientTex` is `g_t = …` with the step's gradient. */
  readonly stepHeading: (t: number, gradientTex: string) => string;
  readonly summaryHeading: (thetaTex: string) => string;
}

/** Texts of the vanishing and exploding gradient tables. Arguments are LaTeX or plain text, already built. */
export interface GradientProblemsMessages {
  readonly heading: string;
  readonly intro: (layers: number, inputTex: string, targetTex: string) => string;
  readonly precision: (digits: number, truncated: boolean) => string;
  readonly chainRule: string;
  readonly factors: string;
  readonly recursion: string;
  /** Plain-text name of a case that the spec gives no label, for headings and plot legends. */
  readonly caseLabel: (activation: string, weight: string, bias: string, alpha: string | null) => string;
  readonly caseSettings: (activation: string, settingsTex: string[]) => string;
  readonly output: string;
  /** `firstTex` and `lastTex` are |∂E/∂w^{[1]}| and |∂E/∂w^{[L]}| in LaTeX, and `bound` is the factor within which neither happens. */
  readonly conclusion: (verdict: GradientVerdict, ratioTex: string, firstTex: string, lastTex: string, bound: number) => string;
  readonly noRatio: (lastTex: string, allZero: boolean) => string;
  /** Added when the ratio is moderate but every gradient is already huge. */
  readonly hugeGradient: (lastTex: string, valueTex: string) => string;
  readonly notInProduct: string;
  readonly figureAlt: string;
  /** File name for the figure of |∂E/∂w^{[l]}| per layer. */
  readonly figureFile: string;
  readonly axisLayer: string;
  readonly axisGradient: string;
}

/** Texts of the table of activation functions and their derivatives. */
export interface ActivationTableMessages {
  readonly names: Record<PlotActivationName, string>;
  readonly function: string;
  readonly definition: string;
  readonly derivative: string;
  readonly parameter: string;
  readonly geluNote: string;
}

export interface LabSectionMessages {
  readonly optimizers: OptimizerStepsMessages;
  readonly gradients: GradientProblemsMessages;
  readonly activations: ActivationTableMessages;
}

const es: LabSectionMessages = {
  optimizers: {
    heading: 'Optimizadores paso a paso',
    intro: (parameterTex, initialTex, gradientsTex, previousTex) =>
      `Cada optimizador actualiza el parámetro $${parameterTex}$, que empieza en $${initialTex}$, con los gradientes ${joinList(gradientsTex.map(math), 'y')}. Los gradientes son datos del ejercicio: en un entrenamiento, $g_t = \\frac{\\partial E}{\\partial ${parameterTex}}$ se calcula con retropropagación en $${previousTex}$. Las reglas son las de Keras 3, y el estado de cada optimizador empieza en cero.`,
    precision: documentMessages.es.precision,
    optimizerName: (config) => {
      switch (config.name) {
        case 'sgd':
          if (config.momentum === 0) return 'Descenso por gradiente (SGD)';
          return config.nesterov ? 'SGD con momento de Nesterov' : 'SGD con momento';
        case 'rmsprop':
          return config.momentum === 0 ? 'RMSprop' : 'RMSprop con momento';
        case 'adam':
          return 'Adam';
      }
    },
    keras: 'En Keras:',
    description: (config) => {
      switch (config.name) {
        case 'sgd':
          if (config.momentum === 0) return 'Cada paso se mueve contra el gradiente actual, escalado por la tasa de aprendizaje $\\eta$.';
          if (!config.nesterov) return 'La velocidad $v_t$ acumula los gradientes pasados con peso $\\mu$ y le da inercia al paso.';
          return 'Como con momento, la velocidad $v_t$ acumula los gradientes pasados, pero el paso suma $\\mu v_t - \\eta g_t$ en lugar de $v_t$. Es la forma en que Keras escribe el método de Nesterov, que equivale a evaluar el gradiente un paso adelante, en la dirección de la velocidad.';
        case 'rmsprop': {
          const base =
            '$s_t$ es la media móvil de los gradientes al cuadrado, y dividir entre $\\sqrt{s_t + \\varepsilon}$ ajusta el tamaño del paso de cada parámetro. Keras pone $\\varepsilon$ dentro de la raíz.';
          return config.momentum === 0 ? base : `${base} Con momento, $m_t$ acumula esos pasos con peso $\\mu$.`;
        }
        case 'adam':
          return '$m_t$ es la media móvil de los gradientes (el momento) y $v_t$ la de sus cuadrados (como en RMSprop). Las dos medias empiezan en 0, y $\\alpha_t$ corrige ese sesgo hacia cero.';
      }
    },
    rules: (settingsTex) => `Reglas, con ${joinList(settingsTex.map(math), 'y')}:`,
    clip: 'Con `clipnorm` $= c$, Keras primero escala el gradiente de cada variable para que su norma no pase de $c$. Con un solo parámetro la norma es el valor absoluto, y las reglas usan el gradiente recortado $\\tilde{g}_t$.',
    adamKerasForm: (thetaTex, previousTex) =>
      `Esta es la forma de Keras, con la corrección de sesgo dentro de $\\alpha_t$, y equivale a la del artículo de Kingma y Ba, $${thetaTex} = ${previousTex} - \\eta\\, \\hat{m}_t / (\\sqrt{\\hat{v}_t} + \\hat{\\varepsilon})$ con $\\hat{m}_t = m_t / (1 - \\beta_1^t)$ y $\\hat{v}_t = v_t / (1 - \\beta_2^t)$, salvo por dónde está $\\varepsilon$: aquí $\\hat{\\varepsilon} = \\varepsilon / \\sqrt{1 - \\beta_2^t}$.`,
    stepHeading: (t, gradientTex) => `Paso ${t}, con $${gradientTex}$`,
    summaryHeading: (thetaTex) => `Resumen: $${thetaTex}$ tras cada paso`,
  },
  gradients: {
    heading: 'Desvanecimiento y explosión del gradiente',
    intro: (layers, inputTex, targetTex) =>
      `Una red profunda y estrecha: $L = ${layers}$ capas de una neurona, con el mismo peso $w$ y el mismo sesgo $b$ en todas. Con $a^{[0]} = x = ${inputTex}$, cada capa calcula $z^{[l]} = w^{[l]} a^{[l-1]} + b^{[l]}$ y $a^{[l]} = f(z^{[l]})$. La salida es $\\hat{y} = a^{[L]}$, el valor esperado es $y = ${targetTex}$ y el error es $E = \\frac{1}{2}(y - \\hat{y})^2$.`,
    precision: documentMessages.es.precision,
    chainRule: 'Por la regla de la cadena, el gradiente del peso de la primera capa es un producto con un factor por cada capa posterior:',
    factors:
      'Si los factores $f\'(z^{[l]})\\, w^{[l]}$ son menores que 1 en valor absoluto, el producto se hace exponencialmente pequeño (el gradiente se desvanece). Si son mayores que 1, crece exponencialmente (el gradiente explota).',
    recursion:
      'Las tablas dan todas las capas con la recursión de $\\delta^{[l]} = \\frac{\\partial E}{\\partial z^{[l]}}$, que calcula los mismos productos de la salida hacia la entrada:',
    caseLabel: (activation, weight, bias, alpha) => `${capitalize(activation)}, w = ${weight}, b = ${bias}${alpha === null ? '' : `, α = ${alpha}`}`,
    caseSettings: (activation, settingsTex) => `Activación ${activation}, con ${joinList(settingsTex.map(math), 'y')} en cada capa.`,
    output: 'Salida y derivada del error:',
    conclusion: (verdict, ratioTex, firstTex, lastTex, bound) => {
      switch (verdict) {
        case 'vanishes':
          return `$${firstTex}$ es solo $${ratioTex}$ veces $${lastTex}$: el gradiente se desvanece.`;
        case 'explodes':
          return `$${firstTex}$ es $${ratioTex}$ veces $${lastTex}$: el gradiente explota.`;
        case 'neither':
          return `El cociente $${firstTex} / ${lastTex} = ${ratioTex}$ no se aleja de 1 en más de ${bound} veces: el gradiente ni se desvanece ni explota.`;
      }
    },
    hugeGradient: (lastTex, valueTex) =>
      `Pero el gradiente ya es enorme en la última capa, $${lastTex} = ${valueTex}$, porque las activaciones crecen capa a capa: un paso de descenso por gradiente con él desborda los pesos.`,
    noRatio: (lastTex, allZero) =>
      allZero
        ? 'Todos los gradientes son 0, así que ninguna capa aprende y no hay cociente que medir.'
        : `$${lastTex} = 0$, así que el cociente con la primera capa no está definido.`,
    notInProduct: 'La capa 1 no aporta un factor $f\'(z^{[1]})\\, w^{[1]}$: su último factor en el producto es $f\'(z^{[1]})\\, x$.',
    figureAlt: 'Magnitud del gradiente de cada peso por capa, en escala logarítmica',
    figureFile: 'gradientes.svg',
    axisLayer: 'capa l',
    axisGradient: '|∂E/∂w⁽ˡ⁾|',
  },
  activations: {
    names: { ...documentMessages.es.activationNames, gelu: 'GELU' },
    function: 'Función',
    definition: 'Definición',
    derivative: 'Derivada',
    parameter: 'Parámetro',
    geluNote:
      'En GELU, $\\Phi(z) = \\frac{1}{2} \\left(1 + \\operatorname{erf}(z / \\sqrt{2})\\right)$ es la función de distribución de la normal estándar y $\\varphi(z) = e^{-z^2/2} / \\sqrt{2\\pi}$ su densidad. cadena solo grafica GELU: todavía no se puede usar como activación de una capa.',
  },
};

const en: LabSectionMessages = {
  optimizers: {
    heading: 'Optimizers step by step',
    intro: (parameterTex, initialTex, gradientsTex, previousTex) =>
      `Each optimizer updates the parameter $${parameterTex}$, which starts at $${initialTex}$, with the gradients ${joinList(gradientsTex.map(math), 'and')}. The gradients are given: in training, $g_t = \\frac{\\partial E}{\\partial ${parameterTex}}$ is computed by backpropagation at $${previousTex}$. The rules are those of Keras 3, and each optimizer's state starts at zero.`,
    precision: documentMessages.en.precision,
    optimizerName: (config) => {
      switch (config.name) {
        case 'sgd':
          if (config.momentum === 0) return 'Gradient descent (SGD)';
          return config.nesterov ? 'SGD with Nesterov momentum' : 'SGD with momentum';
        case 'rmsprop':
          return config.momentum === 0 ? 'RMSprop' : 'RMSprop with momentum';
        case 'adam':
          return 'Adam';
      }
    },
    keras: 'In Keras:',
    description: (config) => {
      switch (config.name) {
        case 'sgd':
          if (config.momentum === 0) return 'Each step moves against the current gradient, scaled by the learning rate $\\eta$.';
          if (!config.nesterov) return 'The velocity $v_t$ accumulates past gradients with weight $\\mu$ and gives the step inertia.';
          return 'As with momentum, the velocity $v_t$ accumulates past gradients, but the step adds $\\mu v_t - \\eta g_t$ instead of $v_t$. This is how Keras writes Nesterov\'s method, which amounts to evaluating the gradient one step ahead, in the direction of the velocity.';
        case 'rmsprop': {
          const base =
            '$s_t$ is the moving average of the squared gradients, and dividing by $\\sqrt{s_t + \\varepsilon}$ scales the step of each parameter. Keras puts $\\varepsilon$ inside the square root.';
          return config.momentum === 0 ? base : `${base} With momentum, $m_t$ accumulates those steps with weight $\\mu$.`;
        }
        case 'adam':
          return '$m_t$ is the moving average of the gradients (the momentum) and $v_t$ that of their squares (as in RMSprop). Both averages start at 0, and $\\alpha_t$ corrects that bias towards zero.';
      }
    },
    rules: (settingsTex) => `Rules, with ${joinList(settingsTex.map(math), 'and')}:`,
    clip: 'With `clipnorm` $= c$, Keras first scales the gradient of each variable so that its norm does not exceed $c$. For a single parameter the norm is the absolute value, and the rules use the clipped gradient $\\tilde{g}_t$.',
    adamKerasForm: (thetaTex, previousTex) =>
      `This is Keras's form, with the bias correction inside $\\alpha_t$, and it equals Kingma and Ba's $${thetaTex} = ${previousTex} - \\eta\\, \\hat{m}_t / (\\sqrt{\\hat{v}_t} + \\hat{\\varepsilon})$ with $\\hat{m}_t = m_t / (1 - \\beta_1^t)$ and $\\hat{v}_t = v_t / (1 - \\beta_2^t)$, up to where $\\varepsilon$ sits: here $\\hat{\\varepsilon} = \\varepsilon / \\sqrt{1 - \\beta_2^t}$.`,
    stepHeading: (t, gradientTex) => `Step ${t}, with $${gradientTex}$`,
    summaryHeading: (thetaTex) => `Summary: $${thetaTex}$ after each step`,
  },
  gradients: {
    heading: 'Vanishing and exploding gradients',
    intro: (layers, inputTex, targetTex) =>
      `A deep, narrow network: $L = ${layers}$ layers of one neuron, with the same weight $w$ and the same bias $b$ in all of them. With $a^{[0]} = x = ${inputTex}$, each layer computes $z^{[l]} = w^{[l]} a^{[l-1]} + b^{[l]}$ and $a^{[l]} = f(z^{[l]})$. The output is $\\hat{y} = a^{[L]}$, the target is $y = ${targetTex}$ and the error is $E = \\frac{1}{2}(y - \\hat{y})^2$.`,
    precision: documentMessages.en.precision,
    chainRule: 'By the chain rule, the gradient of the first layer\'s weight is a product with one factor for each later layer:',
    factors:
      'If the factors $f\'(z^{[l]})\\, w^{[l]}$ are smaller than 1 in absolute value, the product shrinks exponentially (the gradient vanishes). If they are larger than 1, it grows exponentially (the gradient explodes).',
    recursion:
      'The tables give every layer by the recursion of $\\delta^{[l]} = \\frac{\\partial E}{\\partial z^{[l]}}$, which computes the same products from the output back to the input:',
    caseLabel: (activation, weight, bias, alpha) => `${capitalize(activation)}, w = ${weight}, b = ${bias}${alpha === null ? '' : `, α = ${alpha}`}`,
    caseSettings: (activation, settingsTex) => `${capitalize(activation)} activation, with ${joinList(settingsTex.map(math), 'and')} in every layer.`,
    output: 'Output and derivative of the error:',
    conclusion: (verdict, ratioTex, firstTex, lastTex, bound) => {
      switch (verdict) {
        case 'vanishes':
          return `$${firstTex}$ is only $${ratioTex}$ times $${lastTex}$: the gradient vanishes.`;
        case 'explodes':
          return `$${firstTex}$ is $${ratioTex}$ times $${lastTex}$: the gradient explodes.`;
        case 'neither':
          return `The ratio $${firstTex} / ${lastTex} = ${ratioTex}$ stays within a factor of ${bound}: the gradient neither vanishes nor explodes.`;
      }
    },
    hugeGradient: (lastTex, valueTex) =>
      `But the gradient is already huge at the last layer, $${lastTex} = ${valueTex}$, because the activations grow layer by layer: one gradient-descent step with it blows up the weights.`,
    noRatio: (lastTex, allZero) =>
      allZero
        ? 'Every gradient is 0, so no layer learns and there is no ratio to measure.'
        : `$${lastTex} = 0$, so the ratio to the first layer is undefined.`,
    notInProduct: 'Layer 1 contributes no factor $f\'(z^{[1]})\\, w^{[1]}$: its last factor in the product is $f\'(z^{[1]})\\, x$.',
    figureAlt: 'Magnitude of the gradient of each weight by layer, on a logarithmic scale',
    figureFile: 'gradients.svg',
    axisLayer: 'layer l',
    axisGradient: '|∂E/∂w⁽ˡ⁾|',
  },
  activations: {
    names: { ...documentMessages.en.activationNames, gelu: 'GELU' },
    function: 'Function',
    definition: 'Definition',
    derivative: 'Derivative',
    parameter: 'Parameter',
    geluNote:
      'In GELU, $\\Phi(z) = \\frac{1}{2} \\left(1 + \\operatorname{erf}(z / \\sqrt{2})\\right)$ is the cumulative distribution function of the standard normal and $\\varphi(z) = e^{-z^2/2} / \\sqrt{2\\pi}$ its density. cadena only plots GELU: it cannot be used as a layer activation yet.',
  },
};

export const labSectionMessages: Bilingual<LabSectionMessages> = { es, en };

const math = (texString: string) => `$${texString}$`;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function joinList(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
