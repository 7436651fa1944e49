import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswerKey, parseAnswerKey } from '../../src/grading/key.js';
import { drawVariants } from '../../src/homework/generate.js';
import { answerKeyJson } from '../../src/homework/key.js';
import { loadHomework } from '../../src/homework/load.js';
import { loadRoster } from '../../src/homework/roster.js';
import { messagesOf } from '../helpers.js';

const spec = loadHomework('exercises/tarea-clase6.yaml');
const variants = drawVariants(spec, loadRoster('exercises/lista-clase6.csv').slice(0, 3), 'k');
const keyText = answerKeyJson(spec, variants, 'abc');

describe('loadAnswerKey', () => {
  it('reads what cadena homework writes', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cadena-key-'));
    writeFileSync(join(folder, 'answer-key.json'), keyText);
    const key = loadAnswerKey(join(folder, 'answer-key.json'));
    expect(key.students.map((student) => student.variant)).toEqual(variants.map((variant) => variant.code));
    expect(key.students[0]!.items[0]!.interval[0]).toBeLessThan(key.students[0]!.items[0]!.value);
    expect(key.display).toEqual({ digits: 5, rounding: 'truncate', decimal_comma: false });
  });

  it('names the field of a damaged key', () => {
    const damaged = JSON.parse(keyText);
    damaged.students[1].items[0].value = 'x';
    const messages = messagesOf(() => parseAnswerKey(JSON.stringify(damaged), 'clave.json'));
    expect(messages.en).toContain('File clave.json is not a cadena answer key (it fails at `students[1].items[0].value`)');
    expect(messages.es).toContain('El archivo clave.json no es una clave de respuestas de cadena');
  });

  it('rejects text that is not JSON', () => {
    expect(messagesOf(() => parseAnswerKey('id,name\n', 'lista.csv')).en).toContain('File lista.csv is not a cadena answer key');
  });

  it('names a missing file', () => {
    expect(messagesOf(() => loadAnswerKey('/nonexistent/answer-key.json')).en).toContain('not found');
  });
});
