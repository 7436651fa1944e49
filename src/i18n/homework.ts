import type { Bilingual } from './lang.js';

/** Texts of the homework sheet. Arguments are finished Markdown, LaTeX or plain text. */
export interface HomeworkMessages {
  readonly student: string;
  readonly id: string;
  readonly variant: string;
  readonly deadline: string;
  readonly ownNumbers: string;
  readonly networkHeading: string;
  readonly tasksHeading: string;
  readonly update: (parametersTex: string) => string;
  readonly gradient: (derivativesTex: string) => string;
  readonly contribution: (parameterTex: string, derivativesTex: string) => string;
  readonly forward: (quantities: string) => string;
  readonly forwardQuantities: Record<'z' | 'a' | 'yhat' | 'E', string>;
  readonly precision: (digits: number, truncated: boolean) => string;
  readonly submitHeading: string;
  readonly sendTo: (address: string) => string;
  readonly sendToCourse: string;
  readonly answerLines: string;
  readonly answerNote: (point: string, comma: string) => string;
  readonly and: string;
  readonly solutionTitle: (title: string) => string;
  readonly askedHeading: string;
  readonly result: string;
  readonly value: string;
}

const es: HomeworkMessages = {
  student: 'Estudiante',
  id: 'Id',
  variant: 'Variante',
  deadline: 'Fecha límite',
  ownNumbers: 'Cada estudiante tiene su propia red: los números de esta hoja son solo tuyos.',
  networkHeading: 'Tu red',
  tasksHeading: 'Qué calcular',
  update: (parameters) =>
    `Haz un paso de retropropagación y de descenso por gradiente y calcula el nuevo valor de ${parameters}. Todas las derivadas usan los valores originales; los pesos se actualizan al final.`,
  gradient: (derivatives) => `Calcula ${derivatives}.`,
  contribution: (parameter, derivatives) => `Calcula cuánto contribuye cada salida a la derivada de ${parameter}: ${derivatives}.`,
  forward: (quantities) => `Calcula la propagación hacia adelante: ${quantities}.`,
  forwardQuantities: { z: '$z$ de cada neurona', a: '$a$ de cada neurona oculta', yhat: 'las salidas $\\hat{y}_i$', E: 'los errores $E_i$ y el error total $E$' },
  precision: (digits, truncated) => `Escribe cada resultado con ${digits} decimales, ${truncated ? 'truncados (sin redondear)' : 'redondeados'}.`,
  submitHeading: 'Cómo entregar',
  sendTo: (address) => `Envía un correo a ${address} con este asunto:`,
  sendToCourse: 'Envía un correo por el medio que indica el curso, con este asunto:',
  answerLines: 'En el cuerpo del correo, escribe una línea por resultado, con este formato:',
  answerNote: (point, comma) => `Cambia cada \`?\` por tu resultado. Sirve el punto o la coma decimal (${point} o ${comma}).`,
  and: 'y',
  solutionTitle: (title) => `${title} — solución`,
  askedHeading: 'Lo que se pedía, con los decimales de la tarea (cada valor se desarrolla más abajo):',
  result: 'Resultado',
  value: 'Valor',
};

const en: HomeworkMessages = {
  student: 'Student',
  id: 'Id',
  variant: 'Variant',
  deadline: 'Deadline',
  ownNumbers: 'Every student has a network of their own: the numbers on this sheet are yours alone.',
  networkHeading: 'Your network',
  tasksHeading: 'What to compute',
  update: (parameters) =>
    `Do one step of backpropagation and gradient descent, and compute the new value of ${parameters}. Every derivative uses the original values; the weights are updated at the end.`,
  gradient: (derivatives) => `Compute ${derivatives}.`,
  contribution: (parameter, derivatives) => `Compute how much each output contributes to the derivative of ${parameter}: ${derivatives}.`,
  forward: (quantities) => `Compute the forward pass: ${quantities}.`,
  forwardQuantities: { z: '$z$ of every neuron', a: '$a$ of every hidden neuron', yhat: 'the outputs $\\hat{y}_i$', E: 'the errors $E_i$ and the total error $E$' },
  precision: (digits, truncated) => `Write every result with ${digits} decimals, ${truncated ? 'truncated (not rounded)' : 'rounded'}.`,
  submitHeading: 'How to hand it in',
  sendTo: (address) => `Send an e-mail to ${address} with this subject:`,
  sendToCourse: 'Send an e-mail, as the course tells you, with this subject:',
  answerLines: 'In the body of the e-mail, write one line per result, in this format:',
  answerNote: (point, comma) => `Replace each \`?\` with your result. A decimal point or a decimal comma both work (${point} or ${comma}).`,
  and: 'and',
  solutionTitle: (title) => `${title} — solution`,
  askedHeading: 'What was asked, with the homework’s decimals (each value is worked out below):',
  result: 'Result',
  value: 'Value',
};

export const homeworkMessages: Bilingual<HomeworkMessages> = { es, en };
