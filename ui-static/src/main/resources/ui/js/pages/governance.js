// The governance console's overview: how many policies, findings, requests waiting for a decision,
// open incidents and active tokens the caller governs, each a link to its page. For admins and
// domain owners; everyone else gets a plain "not allowed". Each count is what the API answers the
// caller: a section the server refuses is left out.
import { h, mount } from '../dom.js';
import { api, query } from '../api.js';
import { principal } from '../auth.js';
import { optional } from '../exchange.js';
import { consoleHeader, isAdmin, refused } from '../governance.js';

export async function render(main, { signal }) {
  document.title = 'Governance · Tessera';
  const caller = await principal();
  signal.throwIfAborted();
  if (refused(main, caller, 'govern', 'The governance console')) return;
  const admin = isAdmin(caller);
  const [policies, findings, inbox, incidents, tokens] = (await Promise.allSettled([
    api('/api/v1/policies', { signal }),
    api('/api/v1/policies/findings', { signal }),
    api(`/api/v1/access-requests${query({ view: 'inbox', state: 'requested' })}`, { signal }),
    api(`/api/v1/incidents${query({ state: 'open' })}`, { signal }),
    admin ? api('/api/v1/tokens', { signal }) : Promise.reject(new Error('not asked')),
  ])).map((r) => (r.status === 'fulfilled' ? r.value : optional(r)));
  signal.throwIfAborted();
  const size = (v) => (v instanceof Error || v === null ? null : (Array.isArray(v) ? v : v.items || []).length);
  const now = Date.now();
  const activeTokens = Array.isArray(tokens)
    ? tokens.filter((t) => !t.revokedAt && (!t.expiresAt || Date.parse(t.expiresAt) > now)).length
    : null;
  const scope = admin
    ? 'You are a platform admin: you see every policy, finding, token and the audit log.'
    : `You own ${(caller.domains || []).join(', ') || 'no domain'}: you see the policies of your domains and the findings that touch them.`;
  const cards = [
    card('count-policies', 'Policies', size(policies), 'in force that you govern', '#/governance/policies'),
    card('count-findings', 'Toxic-combination findings', size(findings), 'found in lineage', '#/governance/findings'),
    card('count-requests', 'Access requests', size(inbox), 'waiting for your decision', '#/inbox'),
    card('count-incidents', 'Open incidents', size(incidents), 'on products you may see', '#/incidents'),
    admin ? card('count-tokens', 'API tokens', activeTokens, 'active', '#/governance/tokens') : null,
    admin ? card('count-audit', 'Audit log', null, 'every write, grant and refusal, newest first', '#/governance/audit') : null,
  ];
  mount(main,
    consoleHeader('/governance', caller, 'Governance', 'One place to start: the policies you govern, what they decide, what lineage combined, and who did what.'),
    h('p', { id: 'governance-scope' }, scope),
    h('ul', { class: 'console-cards', id: 'governance-counts' }, cards),
    h('h2', {}, 'Elsewhere'),
    h('ul', {},
      h('li', {}, h('a', { href: '#/inbox' }, 'Inbox'), ': access requests to approve or reject, and what happened to your products.'),
      h('li', {}, h('a', { href: '#/requests' }, 'Requests and agreements'), ': the requests you made and the agreements you hold.'),
      h('li', {}, h('a', { href: '#/incidents' }, 'Incidents'), ': failed runs, breaking changes and toxic combinations to acknowledge and resolve.')));
}

function card(id, title, count, words, href) {
  return h('li', { class: 'console-card', id },
    h('a', { href },
      h('span', { class: 'console-card-title' }, title),
      count === null ? null : h('span', { class: 'console-card-count', dataset: { count: String(count) } }, String(count)),
      h('span', { class: 'console-card-words' }, words)));
}
