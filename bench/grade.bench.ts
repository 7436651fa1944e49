import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = join('output', 'bench-grade');

interface Key {
  students: { id: string; email: string; variant: string; items: { name: string; value: number; mistakes: { value: number }[] }[] }[];
}

/**
 * An mbox of `count` messages for the key's students: right answers, known mistakes,
 * wrong values, HTML and quoted-printable bodies and quoted replies, in turn.
 */
function writeMailbox(key: Key, count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const student = key.students[i % key.students.length]!;
    const day = 10 + (i % 9);
    const date = `Tue, ${day} Dec 2026 ${String(i % 24).padStart(2, '0')}:00:00 -0300`;
    const lines = student.items.map((item, k) => {
      const value = (i + k) % 3 === 0 ? item.value : (i + k) % 3 === 1 ? (item.mistakes[0]?.value ?? item.value) : item.value + 0.01;
      return `${item.name} = ${value.toFixed(5).replace('.', ',')}`;
    });
    const html = i % 4 === 1;
    const body = html ? [`<table>${lines.map((line) => `<tr><td>${line}</td></tr>`).join('')}</table>`] : [...lines, '', 'El lun, 1 dic 2026, Profesora escribió:', '> w11^[1] = ?'];
    parts.push(
      [
        `From ${student.email} ${date}`,
        `From: ${student.email}`,
        'To: profesora@example.edu',
        `Subject: tarea-clase6 [${student.variant}]`,
        `Date: ${date}`,
        `Message-ID: <m${i}@example.edu>`,
        `Content-Type: text/${html ? 'html' : 'plain'}; charset=utf-8`,
        '',
        ...body,
        '',
      ].join('\n'),
    );
  }
  const path = join(folder, `correos-${count}.mbox`);
  writeFileSync(path, parts.join('\n'));
  return path;
}

export function gradeBench(): string[] {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const roster = ['id;nombre;correo', ...Array.from({ length: 300 }, (_v, i) => `G${i};Estudiante ${i};g${i}@example.edu`)].join('\n');
  writeFileSync(join(folder, 'lista.csv'), roster);
  execFileSync('node', ['dist/cli/bin.js', 'homework', 'exercises/tarea-clase6.yaml', '--roster', join(folder, 'lista.csv'), '--format', 'md', '--secret', 'bench', '--out', join(folder, 'tarea'), '--quiet']);
  const key = JSON.parse(readFileSync(join(folder, 'tarea', 'answer-key.json'), 'utf8')) as Key;
  const mailbox = writeMailbox(key, 10_000);
  const args = ['bench/measure.mjs', 'grade', '--key', join(folder, 'tarea', 'answer-key.json'), '--mail', mailbox, '--deadline', '2026-12-18T23:59:00-03:00', '--out', join(folder, 'notas'), '--quiet'];
  const result = JSON.parse(execFileSync('node', args, { encoding: 'utf8' })) as { code: number; seconds: number; peakMb: number };
  if (result.code !== 0) throw new Error(`cadena grade exited with ${result.code}`);
  return [`grade 10,000 messages for 300 students: ${result.seconds.toFixed(1)} s, peak ${result.peakMb.toFixed(0)} MB`];
}
