import { z } from 'zod';
import type { SpecPath } from './source.js';

// The zod schema checks only structure: which keys exist and the type of each value.
// Names, shapes and ranges are checked by hand in checks.ts, where the messages can state
// what the course expects. zod 4's z.number() already rejects NaN and ±Infinity.

const number = z.number();
const vector = z.array(number);
const matrix = z.array(vector);

const layerShape = {
  weights: matrix,
  bias: z.union([number, vector]),
  activation: z.string(),
  alpha: number.optional(),
};

const networkShape = {
  input: vector,
  target: vector,
  layers: z.array(z.strictObject(layerShape)),
  loss: z.string(),
};

const displayShape = {
  digits: number.optional(),
  rounding: z.string().optional(),
  decimal_comma: z.boolean().optional(),
  max_paths: number.optional(),
};

const topShape = {
  network: z.strictObject(networkShape),
  learning_rate: number.optional(),
  display: z.strictObject(displayShape).optional(),
};

export const specSchema = z.strictObject(topShape);

/** A spec file after the structural check, with its snake_case keys. */
export type SpecData = z.infer<typeof specSchema>;

/** Returns the keys allowed in the mapping at `path`, or undefined when it is not a mapping. */
export function knownKeysAt(path: SpecPath): string[] | undefined {
  const [first, second, third] = path;
  if (path.length === 0) return Object.keys(topShape);
  if (path.length === 1 && first === 'network') return Object.keys(networkShape);
  if (path.length === 1 && first === 'display') return Object.keys(displayShape);
  if (path.length === 3 && first === 'network' && second === 'layers' && typeof third === 'number') {
    return Object.keys(layerShape);
  }
  return undefined;
}
