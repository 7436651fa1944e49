import { copyFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, temporaryDirectory } from './run.js';

const xorSpec = fileURLToPath(new URL('../../exercises/xor.yaml', import.meta.url));

describe('cadena lab', () => {
  let cwd: string;

  beforeEach(() => {
    cwd = temporaryDirectory();
    copyFileSync(xorSpec, join(cwd, 'xor.yaml'));
  });

  it('writes the Spanish handout', async () => {
    const run = await runCli('lab xor.yaml --seeds 2 --format md', cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Escrito: ${join('output', 'xor', 'laboratorio.md')}\n`);
    const markdown = readFileSync(join(cwd, 'output/xor/laboratorio.md'), 'utf8');
    expect(markdown).toContain('# Laboratorio: XOR con un perceptrón multicapa');
    expect(markdown).toContain('**Pregunta:** ¿Funcionará para una red con 1 capa oculta y 2 neuronas y 400 épocas?');
    expect(markdown).toContain('(perdida-neuronas.svg)');
    const files = readdirSync(join(cwd, 'output/xor'));
    expect(files).toContain('frontera-neuronas.svg');
    expect(files).toContain('perdida-optimizadores.svg');
  });

  it('writes English and PDF', async () => {
    const run = await runCli('lab xor.yaml --seeds 1 --lang en --out out --quiet', cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const files = readdirSync(join(cwd, 'out'));
    expect(files).toContain('lab.md');
    expect(files).toContain('loss-neuronas.svg');
    expect(readFileSync(join(cwd, 'out/lab.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('same result twice', async () => {
    await runCli('lab xor.yaml --seeds 2 --format md --out a --quiet', cwd);
    const first = readFileSync(join(cwd, 'a/laboratorio.md'), 'utf8');
    const modified = statSync(join(cwd, 'a/laboratorio.md')).mtimeMs;
    await runCli('lab xor.yaml --seeds 2 --format md --out a --quiet', cwd);
    expect(readFileSync(join(cwd, 'a/laboratorio.md'), 'utf8')).toBe(first);
    expect(statSync(join(cwd, 'a/laboratorio.md')).mtimeMs).toBe(modified);
  });

  it('rejects a bad seed count', async () => {
    const run = await runCli('lab xor.yaml --seeds 0', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--seeds');
    expect(run.stderr).not.toContain('at ');
  });

  it('names a missing spec', async () => {
    const run = await runCli('lab nada.yaml', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nada.yaml');
  });
});
