// Benchmarks of cadena, run with `npm run bench`. Each prints a line of figures;
// bench/RESULTS.md records them with the machine they were measured on.
import { cpus, totalmem } from 'node:os';
import { deriveBench } from './derive.bench.js';
import { gradeBench } from './grade.bench.js';
import { homeworkBench } from './homework.bench.js';
import { labBench } from './lab.bench.js';
import { pdfBench } from './pdf.bench.js';

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`machine: ${machine}`);

for (const line of await pdfBench()) console.log(line);
for (const line of deriveBench()) console.log(line);
for (const line of homeworkBench()) console.log(line);
for (const line of gradeBench()) console.log(line);
for (const line of labBench()) console.log(line);
