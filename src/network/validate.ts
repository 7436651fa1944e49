import { activations, type ActivationName } from '../activations/index.js';
import type { LossName } from '../losses/index.js';
import { findSemanticFault } from './checks.js';
import { faultFromIssue, pickIssue } from './issues.js';
import { specSchema, type SpecData } from './schema.js';
import { formatValue, specError, type SpecSource } from './source.js';
import { defaultDisplay, type Display, type Layer, type Problem, type Rounding } from './spec.js';

/** A problem as read from a file, where the learning rate may be left to the command line. */
export type ProblemSpec = Omit<Problem, 'learningRate'> & { readonly learningRate: number | undefined };

/**
 * Validates parsed spec data and converts it to a ProblemSpec. Throws a UserError that
 * names the file, the line, the field and the value for the first problem found: first
 * the structure (keys and types, checked by zod), then names, shapes and ranges.
 */
export function validateSpec(data: unknown, source: SpecSource): ProblemSpec {
  requireMapping(data, source);

  const parsed = specSchema.safeParse(data);
  if (!parsed.success) {
    const issue = pickIssue(parsed.error.issues, source);
    if (issue === undefined) throw new Error('zod reported a failure without issues');
    throw specError(source, faultFromIssue(issue, data, source));
  }

  const fault = findSemanticFault(parsed.data, source);
  if (fault !== undefined) throw specError(source, fault);

  return toProblemSpec(parsed.data);
}

function requireMapping(data: unknown, source: SpecSource): void {
  const isMapping = data !== null && typeof data === 'object' && !Array.isArray(data);
  if (isMapping) return;

  const written = source.writtenValue([]) || formatValue(data);
  const kindEs = Array.isArray(data) ? 'una lista' : 'un solo valor';
  const kindEn = Array.isArray(data) ? 'a list' : 'a single value';
  throw specError(source, {
    path: [],
    es: `el contenido debe ser una sección de claves (network, learning_rate, display), pero es ${kindEs}: \`${written}\`. Empieza el archivo con la clave \`network:\`.`,
    en: `the content must be a mapping of keys (network, learning_rate, display), but it is ${kindEn}: \`${written}\`. Start the file with the key \`network:\`.`,
  });
}

function toProblemSpec(data: SpecData): ProblemSpec {
  const { network } = data;
  return {
    network: {
      // Both names were checked against the known lists by findSemanticFault.
      layers: network.layers.map(toLayer),
      loss: network.loss as LossName,
    },
    samples: [{ input: network.input, target: network.target }],
    learningRate: data.learning_rate,
    display: toDisplay(data.display),
  };
}

function toLayer(layer: SpecData['network']['layers'][number]): Layer {
  const activation = layer.activation as ActivationName;
  return {
    weights: layer.weights,
    bias: layer.bias,
    activation,
    alpha: layer.alpha ?? activations[activation].defaultAlpha ?? 0,
  };
}

function toDisplay(display: SpecData['display']): Display {
  return {
    digits: display?.digits ?? defaultDisplay.digits,
    // checkRounding accepted only 'round' and 'truncate'.
    rounding: (display?.rounding as Rounding | undefined) ?? defaultDisplay.rounding,
    decimalComma: display?.decimal_comma ?? defaultDisplay.decimalComma,
    maxPaths: display?.max_paths ?? defaultDisplay.maxPaths,
  };
}
