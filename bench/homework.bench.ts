import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = join('output', 'bench-homework');

/** A roster of `count` invented students, with accents. */
function writeRoster(count: number): string {
  const lines = ['id;nombre;correo'];
  for (let i = 1; i <= count; i++) lines.push(`B${String(i).padStart(5, '0')};Estudiante Núñez ${i};b${i}@example.edu`);
  const path = join(folder, `lista-${count}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Run the compiled `cadena homework` in a fresh process; return its time and peak memory. */
function measure(roster: string, format: string, out: string): { seconds: number; peakMb: number } {
  rmSync(out, { recursive: true, force: true });
  const args = ['bench/measure.mjs', 'homework', 'exercises/tarea-clase6.yaml', '--roster', roster, '--secret', 'bench', '--format', format, '--out', out, '--quiet'];
  const result = JSON.parse(execFileSync('node', args, { encoding: 'utf8' })) as { code: number; seconds: number; peakMb: number };
  if (result.code !== 0) throw new Error(`cadena homework exited with ${result.code}`);
  return result;
}

export function homeworkBench(): string[] {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  mkdirSync(folder, { recursive: true });
  const roster = writeRoster(300);
  const pdf = measure(roster, 'md,pdf', join(folder, 'out'));
  const rerun = measure(roster, 'md,pdf', join(folder, 'out-again'));
  const markdown = measure(roster, 'md', join(folder, 'out-md'));
  const line = (label: string, { seconds, peakMb }: { seconds: number; peakMb: number }) => `${label}: ${seconds.toFixed(1)} s, peak ${peakMb.toFixed(0)} MB`;
  return [
    line('homework 300 students, sheets and solutions as md + pdf (600 PDFs)', pdf),
    line('homework 300 students, the same again', rerun),
    line('homework 300 students, md only', markdown),
  ];
}
