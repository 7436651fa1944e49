import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { derive } from '../../src/derivation/derive.js';
import { parseParameterName, sameParameter } from '../../src/network/notation.js';
import { defaultDisplay, type Problem } from '../../src/network/spec.js';
import { expectClose } from '../helpers.js';
import { runCli, temporaryDirectory } from './run.js';

const root = resolve(import.meta.dirname, '../..');
const spec = join(root, 'exercises/tarea-clase6.yaml');
const roster = join(root, 'exercises/lista-clase6.csv');

/** Hash every file under `folder` with SHA-256, by relative path. */
function fileHashes(folder: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else hashes.set(relative(folder, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(folder);
  return hashes;
}

interface KeyStudent {
  id: string;
  variant: string;
  lr: number;
  network: { input: number[]; target: number[]; layers: { weights: number[][]; bias: number | number[]; activation: string }[]; loss: string };
  items: { name: string; kind: string; value: number; interval: [number, number]; mistakes: { model: string; value: number }[] }[];
}

function readKey(folder: string): { students: KeyStudent[] } {
  return JSON.parse(readFileSync(join(folder, 'answer-key.json'), 'utf8'));
}

describe('cadena homework on the 40-student roster', () => {
  const out = temporaryDirectory();
  let first: Map<string, string>;

  beforeAll(async () => {
    const run = await runCli(`homework ${spec} --roster ${roster} --secret s3cr3t --format md --out ${out}`, root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    first = fileHashes(out);
  }, 60_000);

  it('writes sheets, solutions and keys', () => {
    const sheets = [...first.keys()].filter((path) => path.endsWith('tarea.md'));
    const solutions = [...first.keys()].filter((path) => path.endsWith('solucion.md'));
    expect(sheets).toHaveLength(40);
    expect(solutions).toHaveLength(40);
    expect(first.has('answer-key.json')).toBe(true);
    expect(readFileSync(join(out, 'answer-key.csv'), 'utf8').startsWith('\uFEFFid;name;email;variant;item;value;low;high;mistakes\n')).toBe(true);
    expect(readKey(out).students.map((student) => student.variant)).toHaveLength(40);
  });

  it('writes the same bytes twice', async () => {
    const run = await runCli(`homework ${spec} --roster ${roster} --secret s3cr3t --format md --out ${out}`, root);
    expect(run.code).toBe(0);
    expect(fileHashes(out)).toEqual(first);
  }, 60_000);

  it('keeps variants across roster changes', async () => {
    // Five students, in reverse order: each keeps the numbers and files of the full run.
    const lines = readFileSync(roster, 'utf8').trimEnd().split('\n');
    const small = temporaryDirectory();
    writeFileSync(join(small, 'lista.csv'), [lines[0], ...lines.slice(1, 6).reverse()].join('\n'));
    const run = await runCli(`homework ${spec} --roster ${join(small, 'lista.csv')} --secret s3cr3t --format md --out ${join(small, 'out')}`, root);
    expect(run.code).toBe(0);
    const full = new Map(readKey(out).students.map((student) => [student.id, student]));
    for (const student of readKey(join(small, 'out')).students) expect(student).toEqual(full.get(student.id));
    for (const [path, hash] of fileHashes(join(small, 'out'))) {
      if (path.startsWith('tareas') || path.startsWith('soluciones')) expect(first.get(path), path).toBe(hash);
    }
  }, 60_000);

  it('keys the engine values', () => {
    for (const student of readKey(out).students) {
      const problem: Problem = {
        network: { layers: student.network.layers.map((layer) => ({ ...layer, activation: 'sigmoid', alpha: 0 })), loss: 'mse_half' },
        samples: [{ input: student.network.input, target: student.network.target }],
        learningRate: student.lr,
        display: defaultDisplay,
      };
      const derivation = derive(problem);
      for (const item of student.items) {
        const parameter = parseParameterName(item.name)!;
        const engine = derivation.parameters.find((entry) => sameParameter(entry.parameter, parameter))!;
        expectClose(item.value, engine.updated);
        expect(item.interval[0]).toBeLessThan(item.value);
        expect(item.interval[1]).toBeGreaterThan(item.value);
        for (const mistake of item.mistakes) expect(mistake.value < item.interval[0] || mistake.value > item.interval[1]).toBe(true);
      }
    }
  });

  it('asks for what the key grades', () => {
    const student = readKey(out).students[0]!;
    const sheet = readFileSync(join(out, 'tareas', student.id, 'tarea.md'), 'utf8');
    for (const item of student.items) expect(sheet).toContain(`${item.name} = ?`);
    expect(sheet).toContain(`tarea-clase6 [${student.variant}]`);
  });
});

describe('cadena homework with hostile names', () => {
  const folder = temporaryDirectory();
  const name = 'Zoë $x$ \\ {a} _b_ ^c & 50% #1 ../../etc';
  const id = '../../fuera';

  beforeAll(() => {
    writeFileSync(join(folder, 'lista.csv'), `id;nombre;correo\n${id};"${name}";zoe@example.edu\n`);
  });

  it('keeps files inside the output folder', async () => {
    const run = await runCli(`homework ${spec} --roster ${join(folder, 'lista.csv')} --secret s --format md --out ${join(folder, 'out')}`, root);
    expect(run.code).toBe(0);
    const paths = [...fileHashes(folder).keys()];
    expect(paths.every((path) => path === 'lista.csv' || path.startsWith('out/'))).toBe(true);
    expect(paths.some((path) => /^out\/tareas\/fuera-[0-9a-f]{8}\/tarea\.md$/.test(path))).toBe(true);
  }, 60_000);

  it('prints the name as written in Markdown and PDF', async () => {
    const run = await runCli(`homework ${spec} --roster ${join(folder, 'lista.csv')} --secret s --format md,pdf --out ${join(folder, 'pdf')}`, root);
    expect(run.code).toBe(0);
    const sheetFolder = readdirSync(join(folder, 'pdf', 'tareas'))[0]!;
    const markdown = readFileSync(join(folder, 'pdf', 'tareas', sheetFolder, 'tarea.md'), 'utf8');
    const html = new MarkdownIt().render(markdown.split('\n').find((line) => line.startsWith('**Estudiante:**'))!);
    expect(html).toContain(`Zoë $x$ \\ {a} _b_ ^c &amp; 50% #1 ../../etc`);

    const data = new Uint8Array(readFileSync(join(folder, 'pdf', 'tareas', sheetFolder, 'tarea.pdf')));
    const pdf = await getDocument({ data, standardFontDataUrl: join(root, 'node_modules/pdfjs-dist/standard_fonts/') }).promise;
    const content = await (await pdf.getPage(1)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
    expect(text.replace(/\s+/g, ' ')).toContain(name);
  }, 120_000);
});

describe('cadena homework secret', () => {
  it('creates and reuses course-secret.txt', async () => {
    const folder = temporaryDirectory();
    copyFileSync(roster, join(folder, 'lista.csv'));
    const command = `homework ${spec} --roster lista.csv --format md --out out`;
    const created = await runCli(command, folder);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('course-secret.txt');
    const secret = readFileSync(join(folder, 'out', 'course-secret.txt'), 'utf8');
    expect(secret.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const key = readFileSync(join(folder, 'out', 'answer-key.json'), 'utf8');

    const again = await runCli(command, folder);
    expect(again.code).toBe(0);
    expect(readFileSync(join(folder, 'out', 'course-secret.txt'), 'utf8')).toBe(secret);
    expect(readFileSync(join(folder, 'out', 'answer-key.json'), 'utf8')).toBe(key);
  }, 60_000);

  it('refuses another secret for a folder', async () => {
    const folder = temporaryDirectory();
    copyFileSync(roster, join(folder, 'lista.csv'));
    expect((await runCli(`homework ${spec} --roster lista.csv --format md --out out`, folder)).code).toBe(0);
    const other = await runCli(`homework ${spec} --roster lista.csv --format md --out out --secret otro`, folder);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('course-secret.txt');

    expect((await runCli(`homework ${spec} --roster lista.csv --format md --out given --secret propio`, folder)).code).toBe(0);
    const forgotten = await runCli(`homework ${spec} --roster lista.csv --format md --out given`, folder);
    expect(forgotten.code).toBe(1);
    expect(forgotten.stderr).toContain('--secret');
  }, 60_000);

  it('refuses a changed secret for a folder made with --secret', async () => {
    const folder = temporaryDirectory();
    copyFileSync(roster, join(folder, 'lista.csv'));
    expect((await runCli(`homework ${spec} --roster lista.csv --format md --out out --secret uno`, folder)).code).toBe(0);
    const key = readFileSync(join(folder, 'out', 'answer-key.json'));
    const changed = await runCli(`homework ${spec} --roster lista.csv --format md --out out --secret dos`, folder);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('answer-key.json');
    expect(readFileSync(join(folder, 'out', 'answer-key.json'))).toEqual(key);
  }, 60_000);

  it('does not follow a folder link out of the output', async () => {
    const folder = temporaryDirectory();
    copyFileSync(roster, join(folder, 'lista.csv'));
    mkdirSync(join(folder, 'outside'));
    mkdirSync(join(folder, 'out'));
    symlinkSync(join(folder, 'outside'), join(folder, 'out', 'soluciones'));
    const run = await runCli(`homework ${spec} --roster lista.csv --format md --out out --secret s`, folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('soluciones');
    expect(readdirSync(join(folder, 'outside'))).toEqual([]);
  }, 60_000);

  it('rejects two ids with one folder', async () => {
    const folder = temporaryDirectory();
    // "a b" becomes a-b-<hash of "a b">; the second id is exactly that name.
    const { safeFolderName } = await import('../../src/homework/generate.js');
    writeFileSync(join(folder, 'lista.csv'), `id,nombre,correo\na b,Ana,ana@example.edu\n${safeFolderName('a b')},Beto,beto@example.edu\n`);
    const run = await runCli(`homework ${spec} --roster lista.csv --format md --out out --secret s`, folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('(línea 2)');
    expect(run.stderr).toContain('(línea 3)');
  });

  it('rejects names the PDF fonts cannot draw', async () => {
    const folder = temporaryDirectory();
    writeFileSync(join(folder, 'lista.csv'), 'id,nombre,correo\nA1,Ana,ana@example.edu\nA2,李雷,li@example.edu\n');
    const run = await runCli(`homework ${spec} --roster lista.csv --out out --secret s`, folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('lista.csv, línea 3');
    expect(run.stderr).toContain('U+674E');
    expect(readdirSync(folder)).toEqual(['lista.csv']);
    expect((await runCli(`homework ${spec} --roster lista.csv --out out --secret s --format md`, folder)).code).toBe(0);
  });

  it('writes nothing over its own roster', async () => {
    const folder = temporaryDirectory();
    copyFileSync(roster, join(folder, 'answer-key.csv'));
    const run = await runCli(`homework ${spec} --roster answer-key.csv --format md --out . --secret s`, folder);
    expect(run.code).toBe(1);
    expect(readdirSync(folder)).toEqual(['answer-key.csv']);
    expect(readFileSync(join(folder, 'answer-key.csv'))).toEqual(readFileSync(roster));
  });

  it('rejects a missing roster option', async () => {
    const run = await runCli(`homework ${spec}`, root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--roster');
  });
});
