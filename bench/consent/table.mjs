// Prints the consent benchmark table from the RESULT lines collected by bench/consent-http.sh.
import { readFileSync } from 'node:fs';

const http = {};
const inProcess = {};
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
    const m = line.match(/^(\S+) (\d+) (\{.*\})$/);
    if (m) http[m[1] + ' ' + m[2]] = { batch: Number(m[2]), ...JSON.parse(m[3]) };
    const p = line.match(/^in-process (decision|Cedar).*p50 ([\d.]+) us, p99 ([\d.]+) us, (\d+) decisions\/s/);
    if (p) inProcess[p[1] === 'decision' ? 'gardien' : 'cedar'] = { p50: +p[2], p99: +p[3], rate: +p[4] };
}
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const ms = (us) => (us / 1000).toFixed(2);
const rows = [['case', 'items/request', 'requests/s', 'decisions/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'server CPU us/decision', 'errors']];
for (const [name, r] of Object.entries(http)) {
    r.rps = r.requests / r.seconds;
    rows.push([name.split(' ')[0], r.batch, fmt(r.rps), fmt(r.rps * r.batch), ms(r.p50), ms(r.p99), ms(r.p999),
        (r.cpuSeconds * 1e6 / (r.requests * r.batch)).toFixed(1), r.socketErrors + r.statusErrors]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
for (const row of rows) console.log(row.map((v, c) => String(v).padStart(widths[c])).join('  '));
console.log();
const ratio = (a, b, what) => a && b ? console.log(what(a, b)) : undefined;
const g = inProcess.gardien, c = inProcess.cedar;
ratio(g, c, () => `in process: Gardien p50 ${g.p50} us / p99 ${g.p99} us, ${fmt(g.rate)} decisions/s; Cedar p50 ${c.p50} us`
    + ` / p99 ${c.p99} us, ${fmt(c.rate)} decisions/s; Gardien/Cedar rate ${(g.rate / c.rate).toFixed(2)}`
    + ` (targets p50 <= 2 us: ${g.p50 <= 2 ? 'met' : 'NOT met'}, p99 <= 20 us: ${g.p99 <= 20 ? 'met' : 'NOT met'})`);
const verdict = (gr, cr) => {
    const x = gr.rps * gr.batch / (cr.rps * cr.batch);
    return `${x.toFixed(2)}x Cerbos decisions/s, p99 ${ms(gr.p99)} vs ${ms(cr.p99)} ms`
        + ` (target >= 2x with a lower p99: ${x >= 2 && gr.p99 < cr.p99 ? 'met' : 'NOT met'})`;
};
ratio(http['gardien-single 1'], http['cerbos-single 1'], (a, b) => `HTTP single: Gardien ${verdict(a, b)}`);
ratio(http['gardien-bulk 500'], http['cerbos-bulk 500'], (a, b) => `HTTP bulk, 500 items on both: Gardien ${verdict(a, b)}`);
for (const size of [1000, 10000]) {
    ratio(http[`gardien-bulk ${size}`], http['cerbos-bulk 500'], (a, b) =>
        `HTTP bulk, Gardien ${size} items vs Cerbos 500 (its maximum): ${(a.rps * a.batch / (b.rps * b.batch)).toFixed(2)}x`
        + ` Cerbos decisions/s; a 10 M-recipient send takes ${(1e7 / (a.rps * a.batch)).toFixed(0)} s on Gardien,`
        + ` ${(1e7 / (b.rps * b.batch)).toFixed(0)} s on Cerbos`);
}
