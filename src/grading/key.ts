import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { userError, UserError } from '../errors.js';
import { fileReadError } from '../io/read-errors.js';

const interval = z.tuple([z.number(), z.number()]);

const keySchema = z.object({
  homework: z.string(),
  title: z.string(),
  deadline: z.string().nullable(),
  subject: z.string(),
  display: z.object({ digits: z.number().int().min(0).max(12), rounding: z.enum(['round', 'truncate']), decimal_comma: z.boolean() }),
  mistake_models: z.array(z.object({ id: z.string(), description: z.object({ es: z.string(), en: z.string() }) })),
  students: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      variant: z.string(),
      folder: z.string(),
      network: z.object({
        input: z.array(z.number()),
        target: z.array(z.number()),
        layers: z.array(
          z.object({ weights: z.array(z.array(z.number())), bias: z.union([z.number(), z.array(z.number())]), activation: z.string(), alpha: z.number().optional() }),
        ),
        loss: z.string(),
      }),
      lr: z.number(),
      items: z.array(
        z.object({
          name: z.string(),
          kind: z.enum(['update', 'gradient', 'contribution', 'forward']),
          value: z.number(),
          interval,
          mistakes: z.array(z.object({ model: z.string(), value: z.number(), interval })),
        }),
      ),
    }),
  ),
});

/** An answer key as `cadena homework` writes it, with the fields grading reads. */
export type AnswerKey = z.infer<typeof keySchema>;

/** Largest key read: 300 students with every question kind take about 2 MB. */
const maxKeyBytes = 64 * 2 ** 20;

/**
 * Read `answer-key.json`. Throws a UserError naming the file and, for a key that is not
 * one, the first field that is wrong, with the fix: regenerate it with `cadena homework`.
 */
export function loadAnswerKey(path: string, displayName: string = path): AnswerKey {
  let text: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: stats.isDirectory() ? 'EISDIR' : 'EINVAL' });
    if (stats.size > maxKeyBytes) throw notAKey(displayName, { es: `mide ${stats.size} bytes`, en: `it is ${stats.size} bytes` });
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fileReadError(displayName, error, () => notAKey(displayName, { es: 'es una carpeta', en: 'it is a folder' }));
  }
  return parseAnswerKey(text, displayName);
}

export function parseAnswerKey(text: string, displayName: string): AnswerKey {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw notAKey(displayName, null);
  }
  const parsed = keySchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  throw notAKey(displayName, field === '' ? { es: 'no es un objeto con las claves de una clave', en: 'it is not an object with the fields of a key' } : { es: `falla en \`${field}\``, en: `it fails at \`${field}\`` });
}

/** Build the error. `reason` describes the problem (the first invalid field, a folder…), or is null for text that is not JSON. */
function notAKey(file: string, reason: { es: string; en: string } | null): UserError {
  const es = reason === null ? 'no es JSON' : reason.es;
  const en = reason === null ? 'it is not JSON' : reason.en;
  return userError(
    `El archivo ${file} no es una clave de respuestas de cadena (${es}). Indica el answer-key.json que escribió \`cadena homework\`, o vuelve a generarlo con el mismo secreto.`,
    `File ${file} is not a cadena answer key (${en}). Give the answer-key.json that \`cadena homework\` wrote, or generate it again with the same secret.`,
  );
}
