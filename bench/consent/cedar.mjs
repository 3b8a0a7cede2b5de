// The consent decision of Gardien, written for Cedar (cedar-wasm, in process): allow iff the latest consent record of
// the subject for the purpose is GRANTED and not expired. Cedar holds no data: each call carries that record as the
// resource entity (validUntil in epoch milliseconds) and the current time in the context.
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';

export const POLICY = `permit (principal, action == Action::"use", resource is Consent)
when { resource.state == "GRANTED" && (!(resource has validUntil) || context.now < resource.validUntil) };`;

const prepared = cedar.preparsePolicySet('consent', { staticPolicies: POLICY });
if (prepared.type !== 'success') throw new Error(JSON.stringify(prepared.errors));

/** The Cedar call for one pair of truth.json, at time now (epoch ms). */
export function call(pair, n, now) {
    const attrs = { state: pair.state };
    if (pair.validUntil) attrs.validUntil = Date.parse(pair.validUntil);
    return {
        principal: { type: 'System', id: 'mailer' },
        action: { type: 'Action', id: 'use' },
        resource: { type: 'Consent', id: String(n) },
        context: { now },
        preparsedPolicySetId: 'consent',
        entities: [{ uid: { type: 'Consent', id: String(n) }, attrs, parents: [] }],
    };
}

/** true when Cedar allows. */
export function allows(c) {
    const answer = cedar.statefulIsAuthorized(c);
    if (answer.type !== 'success') throw new Error(JSON.stringify(answer.errors));
    if (answer.response.diagnostics.errors.length) throw new Error(JSON.stringify(answer.response.diagnostics.errors));
    return answer.response.decision === 'allow';
}

export const version = cedar.getCedarVersion();
