import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, temporaryDirectory } from './run.js';

const lectureSpec = fileURLToPath(new URL('../../exercises/clase6.yaml', import.meta.url));

describe('cadena derive', () => {
  let cwd: string;

  beforeEach(() => {
    cwd = temporaryDirectory();
    copyFileSync(lectureSpec, join(cwd, 'clase6.yaml'));
  });

  it('writes the Spanish solution by default', async () => {
    const run = await runCli('derive clase6.yaml', cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Escrito: ${join('output', 'clase6', 'solucion.md')}\n`);
    const markdown = readFileSync(join(cwd, 'output/clase6/solucion.md'), 'utf8');
    expect(markdown).toContain('# Retropropagación: solución desarrollada');
    expect(markdown).toContain('0.00159 + \\left(-0.00049\\right) = 0.00110');
  });

  it('writes English and JSON when asked', async () => {
    const run = await runCli('derive clase6.yaml --lang en --format md,json --out out --quiet', cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const files = readdirSync(join(cwd, 'out'));
    expect(files.filter((name) => !name.endsWith('.svg')).sort()).toEqual(['derivation.json', 'solution.md']);
    // One diagram of the whole network and one per parameter, with its paths highlighted.
    expect(files.filter((name) => name.endsWith('.svg'))).toHaveLength(11);
    expect(readFileSync(join(cwd, 'out/solution.md'), 'utf8')).toContain('# Backpropagation: worked solution');
  });

  it('writes PDF and diagrams', async () => {
    const run = await runCli('derive clase6.yaml --format md,pdf --paper letter --out out', cwd);
    expect(run.code).toBe(0);
    const files = readdirSync(join(cwd, 'out')).sort();
    expect(files).toContain('solucion.pdf');
    expect(files).toContain('red.svg');
    expect(files).toContain('red-w_1_1_1.svg');
    expect(readFileSync(join(cwd, 'out/solucion.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(cwd, 'out/solucion.md'), 'utf8')).toContain('![Diagrama de la red con sus pesos y sesgos](red.svg)');
  });

  it('writes the JSON fields', async () => {
    await runCli('derive clase6.yaml --format json --out out', cwd);
    const json = JSON.parse(readFileSync(join(cwd, 'out/derivation.json'), 'utf8'));
    // z_1^[1] = 0.1·0.1 + 0.3·0.5 + 0.25 = 0.41; E_1 = ½(0.05 − σ(z_1^[2]))².
    expect(json.forward.layers[0].z[0]).toBeCloseTo(0.41, 15);
    expect(json.loss.terms[0]).toBeCloseTo(0.23456360225922676, 15);
    expect(json.loss.total).toBeCloseTo(0.24908954146037615, 15);
    const w11 = json.parameters.find((p: { name: string }) => p.name === 'w11^[1]');
    expect(w11).toMatchObject({ kind: 'weight', layer: 1, row: 1, col: 1, symbol: 'w_{1,1}^{[1]}' });
    expect(w11.gradient).toBeCloseTo(0.0011080579599813648, 15);
    expect(w11.updated).toBeCloseTo(0.1 - 0.5 * 0.0011080579599813648, 15);
    expect(w11.paths).toHaveLength(2);
    expect(w11.paths[0].factors.map((f: { latex: string }) => f.latex)[0]).toBe('\\frac{dE_{1}}{d\\hat{y}_{1}}');
    expect(w11.paths[0].product).toBeCloseTo(0.0015996999217386275, 15);
    const b1 = json.parameters.find((p: { name: string }) => p.name === 'b^[1]');
    expect(b1).toMatchObject({ kind: 'bias', layer: 1, row: null, col: null });
  });

  it('applies the number options', async () => {
    const run = await runCli('derive clase6.yaml --rounding round --digits 3 --decimal-comma --lr 0.1 --out out', cwd);
    expect(run.code).toBe(0);
    const markdown = readFileSync(join(cwd, 'out/solucion.md'), 'utf8');
    // ŷ_1 = 0.734928… rounds to 0,735; w11^[1] − 0.1 · 0.001108… = 0.09988919… → 0,100.
    expect(markdown).toContain('0{,}735');
    expect(markdown).toContain('\\eta = 0{,}1');
    expect(markdown).toContain('= 0{,}1 - 0{,}1 \\cdot 0{,}001 = 0{,}100');
  });

  it('derives only the listed parameters', async () => {
    await runCli('derive clase6.yaml --param w21^[1] --param b^[2] --format json --out out', cwd);
    const json = JSON.parse(readFileSync(join(cwd, 'out/derivation.json'), 'utf8'));
    expect(json.parameters.map((p: { name: string }) => p.name)).toEqual(['w21^[1]', 'b^[2]']);
  });

  it('accepts parameter names with commas', async () => {
    const run = await runCli('derive clase6.yaml --param w_{1,2}^{[2]} --param w12^[2] --param b^[1] --format json --out out', cwd);
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(join(cwd, 'out/derivation.json'), 'utf8'));
    expect(json.parameters.map((p: { name: string }) => p.name)).toEqual(['w12^[2]', 'b^[1]']);
  });

  it('lists the biases of a layer', async () => {
    const run = await runCli('derive clase6.yaml --param b1^[1]', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('El sesgo b1^[1] no existe. Los sesgos de la capa 1 son: b^[1].\n');
  });

  it('suggests a mistyped option', async () => {
    const run = await runCli('derive clase6.yaml --digit 3', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('¿Quisiste decir --digits?');
  });

  it('reports an unwritable output folder', async () => {
    writeFileSync(join(cwd, 'taken'), 'a file, not a folder');
    const run = await runCli('derive clase6.yaml --out taken', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('una parte de la ruta ya existe y es un archivo');
    expect(readFileSync(join(cwd, 'taken'), 'utf8')).toBe('a file, not a folder');
  });

  it('rejects max-paths above the limit', async () => {
    const run = await runCli('derive clase6.yaml --max-paths 257', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--max-paths');
  });

  it('leaves its input unchanged', async () => {
    const before = readFileSync(join(cwd, 'clase6.yaml'));
    await runCli('derive clase6.yaml --format md,json', cwd);
    expect(readFileSync(join(cwd, 'clase6.yaml')).equals(before)).toBe(true);
  });

  it('never overwrites its input', async () => {
    copyFileSync(lectureSpec, join(cwd, 'solucion.md'));
    const before = readFileSync(join(cwd, 'solucion.md'));
    const run = await runCli('derive solucion.md --out .', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cadena nunca cambia sus entradas');
    expect(readFileSync(join(cwd, 'solucion.md')).equals(before)).toBe(true);
  });

  it('keeps the last of repeated options', async () => {
    const run = await runCli('derive clase6.yaml --rounding round --rounding truncate --out a --out b', cwd);
    expect(run.code).toBe(0);
    const markdown = readFileSync(join(cwd, 'b/solucion.md'), 'utf8');
    expect(markdown).toContain('truncados a 5 decimales');
    expect(markdown).toContain('= 0.45989');
  });

  it('rejects empty and malformed values', async () => {
    for (const command of [
      'derive clase6.yaml --digits',
      'derive clase6.yaml --digits 1e1',
      'derive clase6.yaml --digits 0x5',
      'derive clase6.yaml --lr abc',
      'derive clase6.yaml --param',
      'derive clase6.yaml --format',
      'derive clase6.yaml --out',
    ]) {
      const run = await runCli(command, cwd);
      expect(run.code, command).toBe(1);
    }
  });

  it('reads a decimal comma in --lr', async () => {
    const run = await runCli('derive clase6.yaml --lr 0,25 --format json --out out', cwd);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'out/derivation.json'), 'utf8')).learningRate).toBe(0.25);
  });

  it('rejects values that overflow', async () => {
    writeFileSync(
      join(cwd, 'huge.yaml'),
      'network:\n  input: [10, 10]\n  target: [0]\n  layers:\n    - weights: [[1e308, -1e308]]\n      bias: 0\n      activation: linear\n  loss: mse_half\nlearning_rate: 0.5\n',
    );
    const run = await runCli('derive huge.yaml', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('z1^[1]');
    expect(run.stderr).toContain('no finito');
  });

  it('gives the same files twice', async () => {
    await runCli('derive clase6.yaml --format md,json --out a', cwd);
    await runCli('derive clase6.yaml --format md,json --out b', cwd);
    for (const name of ['solucion.md', 'derivation.json']) {
      expect(readFileSync(join(cwd, 'a', name), 'utf8')).toBe(readFileSync(join(cwd, 'b', name), 'utf8'));
    }
  });

  it('rejects bad options with code 1', async () => {
    const cases = [
      ['derive clase6.yaml --digits 20', '--digits'],
      ['derive clase6.yaml --lr -1', '--lr'],
      ['derive clase6.yaml --max-paths 0', '--max-paths'],
      ['derive clase6.yaml --format pdf2', 'pdf2'],
      ['derive clase6.yaml --param w99', 'w99'],
      ['derive clase6.yaml --param w33^[1]', 'w33^[1]'],
      ['derive clase6.yaml --rounding up', 'up'],
      ['derive clase6.yaml --bogus', 'bogus'],
      ['derive missing.yaml', 'missing.yaml'],
      ['', 'help'],
    ] as const;
    for (const [command, mention] of cases) {
      const run = await runCli(command, cwd);
      expect(run.code, command).toBe(1);
      expect(run.stderr, command).toContain(mention);
      expect(run.stderr, command).not.toMatch(/\n\s+at /);
    }
  });

  it('reports a bad spec in English', async () => {
    writeFileSync(join(cwd, 'bad.yaml'), readFileSync(lectureSpec, 'utf8').replace('activation: sigmoid', 'activation: sigmod'));
    const run = await runCli('derive bad.yaml --lang en', cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sigmod');
    expect(run.stderr).toContain('sigmoid');
  });

  it('prints help in both languages', async () => {
    const spanish = await runCli('derive --help', cwd);
    expect(spanish.code).toBe(0);
    expect(spanish.stdout).toContain('Escribe la solución desarrollada');
    expect(spanish.stdout).toContain('Opciones:');
    const english = await runCli('derive --help --lang en', cwd);
    expect(english.stdout).toContain('Write the worked backpropagation solution');
    expect(english.stdout).toContain('Options:');
  });
});
