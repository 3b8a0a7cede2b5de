// Seeds a running Gardien with synthetic consent records and writes the request files of the benchmark.
// Usage: node workload.mjs <gardien url> <token> <out dir> <subjects>
// Per subject: a "newsletter" record (70 % granted, 10 % granted until 10 s after it is written, hence expired when
// the benchmark runs, 10 % granted then withdrawn, 10 % refused) and, for every other subject, a "marketing-research" one
// (granted). Requests ask both purposes for every subject, plus 5 % unknown subjects: allow and deny both occur, with
// every reason code. truth.json keeps each pair's latest record for Cerbos and Cedar, which hold no data of their own.
import { mkdirSync, writeFileSync } from 'node:fs';

const [gardien, token, out, subjectsArg] = process.argv.slice(2);
const subjects = Number(subjectsArg);
const expireAfter = Number(process.env.EXPIRE_AFTER_MS ?? 10000);
mkdirSync(out, { recursive: true });

const email = (i) => `person${i}@bench.example.test`;
const records = []; // in the order they must be written
for (let i = 0; i < subjects; i++) {
    const kind = i % 10;
    if (kind < 7) records.push([i, 'newsletter', 'GRANTED']);
    else if (kind === 7) records.push([i, 'newsletter', 'GRANTED', 'soon']);
    else if (kind === 8) records.push([i, 'newsletter', 'GRANTED'], [i, 'newsletter', 'WITHDRAWN']);
    else records.push([i, 'newsletter', 'REFUSED']);
    if (i % 2 === 0) records.push([i, 'marketing-research', 'GRANTED']);
}

async function post(path, body) {
    const response = await fetch(gardien + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
}

// Records of one subject are written in order by one worker; subjects in parallel.
const bySubject = new Map();
for (const r of records) (bySubject.get(r[0]) ?? bySubject.set(r[0], []).get(r[0])).push(r);
// Expiring consents first, so that they have expired long before the benchmark starts.
const queue = [...bySubject.values()].sort((a, b) => (b[0].length > 3) - (a[0].length > 3));
const started = Date.now();
await Promise.all(Array.from({ length: 16 }, async () => {
    for (let batch; (batch = queue.shift()); ) {
        for (const record of batch) {
            const [i, purpose, state] = record;
            // Each expiring consent ends a few seconds after it is written, whatever the seeding rate.
            const validUntil = record[3] && (record[3] = new Date(Date.now() + expireAfter).toISOString());
            await post('/api/v1/consents', {
                subject: { email: email(i) }, purpose, state, kind: 'EXPRESS', channel: 'API',
                noticeVersion: 'bench-1', ...(validUntil ? { validUntil } : {}),
            });
        }
    }
}));
const seconds = (Date.now() - started) / 1000;
console.log(`seeded ${records.length} consent records for ${subjects} subjects in ${seconds.toFixed(1)} s`
    + ` (${(records.length / seconds).toFixed(0)} records/s, 16 concurrent clients)`);

// Latest record per pair; pairs without a record have state NONE.
const latest = new Map();
for (const [i, purpose, state, validUntil] of records) latest.set(`${i}|${purpose}`, { state, validUntil });
const pairs = [];
for (let i = 0; i < subjects; i++) {
    for (const purpose of ['newsletter', 'marketing-research']) {
        pairs.push({ subject: `email:${email(i)}`, purpose, ...(latest.get(`${i}|${purpose}`) ?? { state: 'NONE' }) });
    }
    if (i % 20 === 0) pairs.push({ subject: `email:unknown${i}@bench.example.test`, purpose: 'newsletter', state: 'NONE' });
}
// A fixed shuffle, so that consecutive requests do not walk the subjects in order.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
}
const expiresAt = records.reduce((last, r) => (r[3] && r[3] > last ? r[3] : last), '');
writeFileSync(`${out}/truth.json`, JSON.stringify({ expiresAt, pairs }));

// Request files for wrk (request.lua): METHOD \t path \t body, one request per line.
const cerbosResource = (p, n) => ({
    actions: ['use'],
    resource: { kind: 'consent', id: `${n}`, attr: { state: p.state, ...(p.validUntil ? { validUntil: p.validUntil } : {}) } },
});
const cerbosBody = (chunk) => JSON.stringify({
    principal: { id: 'mailer', roles: ['system'] }, resources: chunk.map(cerbosResource),
});
const gardienBody = (chunk) => JSON.stringify({ items: chunk.map((p) => ({ subject: p.subject, purpose: p.purpose })) });
const lines = (make, size, count) => Array.from({ length: count }, (_, k) => {
    const from = (k * size) % pairs.length;
    const chunk = pairs.slice(from, from + size);
    while (chunk.length < size) chunk.push(...pairs.slice(0, size - chunk.length));
    return make(chunk);
}).join('\n') + '\n';
const single = Math.min(pairs.length, 20000);
writeFileSync(`${out}/gardien-single.txt`, lines((c) =>
    `GET\t/api/v1/consent/decision?subject=${encodeURIComponent(c[0].subject)}&purpose=${c[0].purpose}`, 1, single));
writeFileSync(`${out}/cerbos-single.txt`, lines((c) => `POST\t/api/check/resources\t${cerbosBody(c)}`, 1, single));
for (const size of [500, 1000, 10000]) {
    const count = Math.max(2, Math.min(20, Math.ceil(pairs.length / size)));
    writeFileSync(`${out}/gardien-bulk-${size}.txt`,
        lines((c) => `POST\t/api/v1/consent/decisions\t${gardienBody(c)}`, size, count));
}
writeFileSync(`${out}/cerbos-bulk-500.txt`,
    lines((c) => `POST\t/api/check/resources\t${cerbosBody(c)}`, 500, Math.max(2, Math.min(20, Math.ceil(pairs.length / 500)))));
console.log(`${pairs.length} subject × purpose pairs; expiring consents end at ${expiresAt}`);
