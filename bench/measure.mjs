// Run the compiled CLI in this process and report its wall time and peak resident memory,
// sampled every 20 ms (worker threads are part of the process, so they are counted).
// Usage: node bench/measure.mjs <cadena arguments…>
import { main } from '../dist/cli/main.js';

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const io = { stdout: () => {}, stderr: (text) => process.stderr.write(text), cwd: process.cwd(), isTTY: false };
const start = process.hrtime.bigint();
const code = await main(process.argv.slice(2), io);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ code, seconds, peakMb: peak / 2 ** 20 }));
