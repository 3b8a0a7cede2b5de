// In-process Cedar (cedar-wasm in Node) on the pairs of truth.json: p50, p99 and decisions/s on one thread, each
// call building its request and entity as a caller would. Prints one RESULT line.
// Usage: node cedar-bench.mjs <work dir> [samples]
import { readFileSync } from 'node:fs';
import { allows, call, version } from './cedar.mjs';

const [dir, samplesArg] = process.argv.slice(2);
const { pairs } = JSON.parse(readFileSync(`${dir}/truth.json`, 'utf8'));
const samples = Number(samplesArg ?? 200000);
const now = Date.now();
let sink = 0;
for (let i = 0; i < 50000; i++) sink += allows(call(pairs[i % pairs.length], i, now)) ? 1 : 0; // warm-up
const nanos = new Float64Array(samples);
const started = process.hrtime.bigint();
for (let i = 0; i < samples; i++) {
    const n = (i * 7919) % pairs.length;
    const t0 = process.hrtime.bigint();
    sink += allows(call(pairs[n], n, now)) ? 1 : 0;
    nanos[i] = Number(process.hrtime.bigint() - t0);
}
const total = Number(process.hrtime.bigint() - started);
nanos.sort();
console.log(`in-process Cedar ${version} (cedar-wasm, Node ${process.version}, 1 thread): `
    + `p50 ${(nanos[samples >> 1] / 1000).toFixed(2)} us, p99 ${(nanos[Math.floor(samples * 0.99)] / 1000).toFixed(2)} us, `
    + `${(samples / (total / 1e9)).toFixed(0)} decisions/s (sink ${sink})`);
console.log(`RESULT {"p50":${nanos[samples >> 1] / 1000},"p99":${nanos[Math.floor(samples * 0.99)] / 1000},"rate":${samples / (total / 1e9)}}`);
