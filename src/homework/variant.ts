import { userError } from '../errors.js';
import type { Layer, Problem } from '../network/spec.js';
import { formatFixed } from '../render/format.js';
import type { Interval } from './arithmetic.js';
import { studentWork, rightWay } from './computation.js';
import { floatArithmetic } from './arithmetic.js';
import { answerItems, type Item, type ItemAnswer } from './items.js';
import { drawValue, SeededRandom, variantCode, variantSeed } from './random.js';
import type { HomeworkSpec, Student } from './spec.js';

/** A student's own version of the homework. */
export interface Variant {
  readonly student: Student;
  readonly code: string;
  /** How many draws failed the quality checks before this one (0 for the first). */
  readonly attempt: number;
  readonly problem: Problem;
  readonly answers: readonly ItemAnswer[];
}

/** Why a draw was rejected. */
export type QualityFault = 'saturated' | 'invisible' | 'indistinct';

/**
 * Draw the student's variant: the first attempt whose numbers pass the quality checks.
 * Throws a UserError when none of `quality.maxTries` attempts does, saying which check failed.
 */
export function makeVariant(spec: HomeworkSpec, items: readonly Item[], secret: string, student: Student, fileName = spec.id): Variant {
  const faults: Record<QualityFault, number> = { saturated: 0, invisible: 0, indistinct: 0 };
  for (let attempt = 0; attempt < spec.quality.maxTries; attempt++) {
    const problem = drawProblem(spec, new SeededRandom(variantSeed(secret, spec.id, student.id, attempt)));
    const answers = answerItems(problem, items);
    const fault = qualityFault(spec, problem, answers);
    if (fault === null) return { student, code: variantCode(secret, spec.id, student.id), attempt, problem, answers };
    faults[fault]++;
  }
  throw noVariantError(spec, student, faults, fileName);
}

/** Build a network and its example from the spec's draws, in a fixed order. */
export function drawProblem(spec: HomeworkSpec, random: SeededRandom): Problem {
  const { sizes, activations, alphas, loss, bias } = spec.architecture;
  const { values } = spec;
  const layers: Layer[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const weights = Array.from({ length: sizes[l]! }, () => Array.from({ length: sizes[l - 1]! }, () => drawValue(random, values.weights)));
    const biases = bias === 'shared' ? drawValue(random, values.biases) : Array.from({ length: sizes[l]! }, () => drawValue(random, values.biases));
    layers.push({ weights, bias: biases, activation: activations[l - 1]!, alpha: alphas[l - 1]! });
  }
  const input = Array.from({ length: sizes[0]! }, () => drawValue(random, values.inputs));
  const target = Array.from({ length: sizes[sizes.length - 1]! }, () => drawValue(random, values.targets));
  const learningRate = drawValue(random, values.learningRate);
  return { network: { layers, loss }, samples: [{ input, target }], learningRate, display: spec.display };
}

/**
 * Check a draw: no unit saturated (|z| beyond quality.maxAbsZ); every asked update or
 * gradient visible at the printed digits and its interval clear of the old value (or 0);
 * every mistake's interval clear of the right answer's.
 */
export function qualityFault(spec: HomeworkSpec, problem: Problem, answers: readonly ItemAnswer[]): QualityFault | null {
  const work = studentWork(floatArithmetic, problem, rightWay);
  if (work.z.some((layer) => layer.some((z) => Math.abs(z) > spec.quality.maxAbsZ))) return 'saturated';

  const printed = (value: number) => formatFixed(value, problem.display);
  for (const answer of answers) {
    const { item, value, interval } = answer;
    const unchanged = item.kind === 'update' ? parameterValue(problem, item) : item.kind === 'forward' ? null : 0;
    if (unchanged !== null && (printed(value) === printed(unchanged) || contains(interval, unchanged))) return 'invisible';
    if (answer.mistakes.some((mistake) => overlap(mistake.interval, interval))) return 'indistinct';
  }
  return null;
}

function parameterValue(problem: Problem, item: Item): number {
  const p = item.parameter!;
  const layer = problem.network.layers[p.layer - 1]!;
  if (p.kind === 'weight') return layer.weights[p.row! - 1]![p.col! - 1]!;
  return typeof layer.bias === 'number' ? layer.bias : layer.bias[p.row! - 1]!;
}

function contains([low, high]: Interval, value: number): boolean {
  return low <= value && value <= high;
}

function overlap([a, b]: Interval, [c, d]: Interval): boolean {
  return a <= d && c <= b;
}

function noVariantError(spec: HomeworkSpec, student: Student, faults: Record<QualityFault, number>, fileName: string): Error {
  const tries = spec.quality.maxTries;
  const counts = (lang: 'es' | 'en') =>
    (Object.entries(faults) as [QualityFault, number][])
      .filter(([, count]) => count > 0)
      .map(([fault, count]) => `${count} ${faultWords[fault][lang]}`)
      .join(lang === 'es' ? '; ' : '; ');
  // The advice follows the check that failed most often.
  const worst = (Object.entries(faults) as [QualityFault, number][]).sort((a, b) => b[1] - a[1])[0]![0];
  return userError(
    `El archivo ${fileName}: no se encontró una variante válida para ${student.id} (línea ${student.line} de la lista) en ${tries} intentos: ${counts('es')}. ${faultAdvice[worst].es}`,
    `File ${fileName}: no valid variant was found for ${student.id} (line ${student.line} of the roster) in ${tries} tries: ${counts('en')}. ${faultAdvice[worst].en}`,
  );
}

const faultAdvice: Record<QualityFault, { es: string; en: string }> = {
  saturated: {
    es: 'Achica los rangos de `values.weights`, `values.biases` o `values.inputs`, o sube `quality.max_abs_z`.',
    en: 'Narrow the `values.weights`, `values.biases` or `values.inputs` ranges, or raise `quality.max_abs_z`.',
  },
  invisible: {
    es: 'Sube `display.digits` o los valores de `values.learning_rate`.',
    en: 'Raise `display.digits` or the `values.learning_rate` values.',
  },
  indistinct: {
    es: 'Sube `display.digits` (la tolerancia se achica) o cambia los rangos de `values`.',
    en: 'Raise `display.digits` (the tolerance shrinks) or change the `values` ranges.',
  },
};

const faultWords: Record<QualityFault, { es: string; en: string }> = {
  saturated: { es: 'con alguna neurona saturada (|z| mayor que quality.max_abs_z)', en: 'with a saturated unit (|z| above quality.max_abs_z)' },
  invisible: { es: 'con algún cambio que no se ve con los dígitos pedidos', en: 'with a change too small to show at the printed digits' },
  indistinct: { es: 'con algún error típico que da casi la respuesta correcta', en: 'with a typical mistake that gives nearly the right answer' },
};
