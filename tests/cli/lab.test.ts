import { copyFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

  it('rejects unprintable text before training', async () => {
    const spec = readFileSync(join(cwd, 'xor.yaml'), 'utf8').replace('title: "Laboratorio: XOR con un perceptrón multicapa"', 'title: "XOR 😀"');
    writeFileSync(join(cwd, 'emoji.yaml'), spec);
    const run = await runCli('lab emoji.yaml --lang en', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('emoji.yaml, title');
    expect(run.stderr).toContain('😀');
  });

  it('rejects a parameter symbol that is not TeX', async () => {
    const spec = readFileSync(join(cwd, 'xor.yaml'), 'utf8').replace('parameter: "w"', 'parameter: "w_{"');
    writeFileSync(join(cwd, 'tex.yaml'), spec);
    const run = await runCli('lab tex.yaml --lang en', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('File tex.yaml, `optimizer_steps.parameter`: "w_{" is not a valid TeX symbol (Extra open brace or missing close brace)');
  });

  it('checks the work of --seeds', async () => {
    writeFileSync(join(cwd, 'big.yaml'), 'id: big\nseeds: 1\ntraining: { epochs: 375 }\nexperiments:\n  - id: e\n    vary: { hidden: [[64, 64, 64, 64, 64]] }\n');
    const run = await runCli('lab big.yaml --seeds 1000 --lang en', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/File big\.yaml with --seeds 1000: training every experiment with 1000 seeds would take about \d+ minutes/);
    expect(run.stderr).toContain('Lower `--seeds`');
  });

  it('checks the last seed of --seeds', async () => {
    writeFileSync(join(cwd, 'last.yaml'), 'id: last\nseeds: 1\nfirst_seed: 4294967295\nexperiments:\n  - id: e\n    vary: { hidden: [2] }\n');
    const run = await runCli('lab last.yaml --seeds 3', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('las semillas van de 4294967295 a 4294967297, pero una semilla es un entero de 32 bits');
  });

  it('accepts an indexed parameter symbol', async () => {
    const spec = readFileSync(join(cwd, 'xor.yaml'), 'utf8').replace('parameter: "w"', 'parameter: "w_{1,1}^{[1]}"');
    writeFileSync(join(cwd, 'indexed.yaml'), spec);
    const run = await runCli('lab indexed.yaml --seeds 1 --quiet', cwd);
    expect(run.code).toBe(0);
    expect(readFileSync(join(cwd, 'output/indexed/laboratorio.md'), 'utf8')).toContain('w_{1,1}^{[1]}(1)');
  });

  it('rejects a bad formula in a question before training', async () => {
    const spec = readFileSync(join(cwd, 'xor.yaml'), 'utf8').replace('y 400 épocas?"', 'y $x_{$ épocas?"');
    writeFileSync(join(cwd, 'formula.yaml'), spec);
    const run = await runCli('lab formula.yaml --lang en', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('File formula.yaml, `experiments[0].question`: the formula "x_{" is not valid TeX');
  });

  it('names a missing spec', async () => {
    const run = await runCli('lab nada.yaml', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nada.yaml');
  });
});

describe('cadena handout', () => {
  let cwd: string;
  const lectureSpec = fileURLToPath(new URL('../../exercises/clase6.yaml', import.meta.url));

  beforeEach(() => {
    cwd = temporaryDirectory();
    copyFileSync(xorSpec, join(cwd, 'xor.yaml'));
    copyFileSync(lectureSpec, join(cwd, 'clase6.yaml'));
  });

  it('bundles solution and lab', async () => {
    const run = await runCli('handout xor.yaml clase6.yaml --seeds 1 --format md', cwd);
    expect(run.code).toBe(0);
    const markdown = readFileSync(join(cwd, 'output/xor/apunte.md'), 'utf8');
    const headings = markdown.split('\n').filter((line) => /^#{1,2} /.test(line));
    expect(headings.slice(0, 4)).toEqual([
      '# Laboratorio: XOR con un perceptrón multicapa',
      '## Retropropagación: solución desarrollada',
      '## Experimentos',
      '## Configuración común',
    ]);
    // The lecture's dE/dw_{1,1}^{[1]}, truncated to 5 decimals as on the slides.
    expect(markdown).toContain('0.00159 + \\left(-0.00049\\right) = 0.00110');
    const files = readdirSync(join(cwd, 'output/xor'));
    expect(files).toContain('red.svg');
    expect(files).toContain('perdida-neuronas.svg');
  });

  it('names the missing network', async () => {
    const run = await runCli('handout xor.yaml nada.yaml', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nada.yaml');
  });
});
