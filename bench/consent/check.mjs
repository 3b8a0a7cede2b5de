// Differential check: every pair of truth.json is decided by Gardien (bulk API), Cerbos (check API) and Cedar (in
// process) and compared with the rule itself; any difference fails the benchmark.
// Usage: node check.mjs <work dir> <gardien url> <token> <cerbos url>
import { readFileSync } from 'node:fs';
import { allows, call } from './cedar.mjs';

const [dir, gardien, token, cerbos] = process.argv.slice(2);
const { expiresAt, pairs } = JSON.parse(readFileSync(`${dir}/truth.json`, 'utf8'));
const wait = Date.parse(expiresAt) + 1000 - Date.now();
if (wait > 0) {
    console.log(`waiting ${(wait / 1000).toFixed(1)} s for the expiring consents to expire`);
    await new Promise((r) => setTimeout(r, wait));
}
const now = Date.now();
const expected = pairs.map((p) => p.state === 'GRANTED' && (!p.validUntil || Date.parse(p.validUntil) > now));

async function postJson(url, body, headers = {}) {
    const response = await fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return response.json();
}

const engines = { gardien: [], cerbos: [], cedar: [] };
for (let from = 0; from < pairs.length; from += 10000) {
    const chunk = pairs.slice(from, from + 10000);
    const answer = await postJson(`${gardien}/api/v1/consent/decisions`,
        { items: chunk.map((p) => ({ subject: p.subject, purpose: p.purpose })) },
        { authorization: `Bearer ${token}` });
    engines.gardien.push(...answer.results.map((r) => r.decision === 'ALLOW'));
}
for (let from = 0; from < pairs.length; from += 500) {
    const chunk = pairs.slice(from, from + 500);
    const answer = await postJson(`${cerbos}/api/check/resources`, {
        principal: { id: 'mailer', roles: ['system'] },
        resources: chunk.map((p, k) => ({
            actions: ['use'],
            resource: { kind: 'consent', id: String(from + k),
                attr: { state: p.state, ...(p.validUntil ? { validUntil: p.validUntil } : {}) } },
        })),
    });
    engines.cerbos.push(...answer.results.map((r) => r.actions.use === 'EFFECT_ALLOW'));
}
pairs.forEach((p, n) => engines.cedar.push(allows(call(p, n, now))));

let failed = false;
const allowed = expected.filter(Boolean).length;
for (const [name, answers] of Object.entries(engines)) {
    const wrong = answers.filter((a, n) => a !== expected[n]).length + Math.abs(answers.length - expected.length);
    console.log(`differential check ${name}: ${answers.length} decisions, ${wrong} differ from the rule`);
    failed ||= wrong > 0;
}
console.log(`(${allowed} allow, ${pairs.length - allowed} deny expected)`);
if (failed) process.exit(1);
