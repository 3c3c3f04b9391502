// The governance console's policies: each policy the caller governs (admins all, domain owners their
// domains') with its targets, permissions, prohibitions, constraints and toxic combinations in plain
// words, and "who can see this product and why" (admins: any product; owners: their domains'): the server's decision for a subject
// and the attributes asked about (`GET /api/v1/policies/explain`).
import { h, mount } from '../dom.js';
import { api, query } from '../api.js';
import { principal } from '../auth.js';
import { problemView } from '../problems.js';
import { productLink, field } from '../exchange.js';
import {
  consoleHeader, isAdmin, refused, targetWords, ruleWords, toxicWords, accessWords,
} from '../governance.js';

export async function render(main, { signal }) {
  document.title = 'Policies · Governance · Tessera';
  const caller = await principal();
  signal.throwIfAborted();
  if (refused(main, caller, 'govern', 'The governance console')) return;
  let policies;
  let failure = null;
  try {
    policies = await api('/api/v1/policies', { signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    failure = error;
  }
  signal.throwIfAborted();
  mount(main,
    consoleHeader('/governance/policies', caller, 'Policies',
      isAdmin(caller)
        ? 'Every policy in force. A product a permission targets is restricted to the readers the permission names; a prohibition wins over any permission.'
        : `The policies of ${(caller.domains || []).join(', ')}. Global policies are shown to platform admins only.`),
    explainer(caller),
    h('h2', { id: 'policies-heading' }, 'Policies in force'),
    failure ? problemView(failure) : policyList(policies));
}

function policyList(policies) {
  if (!policies.length) return h('p', { class: 'muted', id: 'no-policies' }, 'No policy you govern.');
  const sorted = [...policies].sort((a, b) => key(a).localeCompare(key(b)));
  return h('ul', { class: 'policies', id: 'policies' }, sorted.map(policyItem));
}

const key = (p) => `${p.domain || 'global'}/${p.name}`;

function policyItem(p) {
  const rules = p.rules || [];
  const permissions = rules.filter((r) => r.effect !== 'PROHIBIT');
  const prohibitions = rules.filter((r) => r.effect === 'PROHIBIT');
  const section = (title, items, cls) => (items.length
    ? [h('h4', {}, title), h('ul', { class: cls }, items)] : null);
  return h('li', { class: 'policy', id: `policy-${p.domain || 'global'}-${p.name}`, dataset: { policy: key(p) } },
    h('h3', {}, h('code', {}, key(p)), ' ',
      h('span', { class: 'badge badge-status' }, p.domain ? `Domain ${p.domain}` : 'Global')),
    p.description ? h('p', {}, p.description) : null,
    h('p', { class: 'policy-targets' }, targetWords(p)),
    section('Permissions', permissions.map((r) => ruleItem(r, 'permission')), 'rules'),
    section('Prohibitions', prohibitions.map((r) => ruleItem(r, 'prohibition')), 'rules'),
    section('Toxic combinations', (p.toxicCombinations || []).map((c) =>
      h('li', { class: 'toxic' }, toxicWords(c))), 'rules'),
    accessWords(p.access) ? h('p', { class: 'policy-access' }, accessWords(p.access)) : null);
}

function ruleItem(rule, kind) {
  return h('li', { class: `rule rule-${kind}` },
    h('span', { class: `badge badge-rule badge-${kind}` }, kind === 'permission' ? 'Permission' : 'Prohibition'),
    ruleWords(rule),
    h('span', { class: 'muted rule-source' }, ` (${rule.label})`));
}

const ATTRIBUTES = [
  ['region', 'Region', 'e.g. eu or us; leave empty to use the subject’s token'],
  ['purpose', 'Purposes', 'e.g. retention'],
  ['clearance', 'Clearances', ''],
  ['role', 'Roles', 'admin, domain-owner, producer or consumer'],
  ['domain', 'Domains', 'the domains the subject belongs to'],
];

function explainer(caller) {
  const owned = caller.domains || [];
  const product = h('input', { id: 'explain-product', name: 'product', required: true, autocomplete: 'off', size: 32,
    placeholder: isAdmin(caller) || !owned.length ? 'customer/customer-profiles' : `${owned[0]}/a-product`,
    'aria-describedby': 'explain-scope' });
  const subject = h('input', { id: 'explain-subject', name: 'subject', required: true, placeholder: 'us-analyst', autocomplete: 'off' });
  const inputs = Object.fromEntries(ATTRIBUTES.map(([name]) =>
    [name, h('input', { id: `explain-${name}`, name, autocomplete: 'off' })]));
  const result = h('div', { id: 'explain-result', role: 'status', 'aria-live': 'polite' });
  const form = h('form', {
    id: 'explain-form', class: 'explain-form', 'aria-labelledby': 'explain-heading', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const params = { product: product.value.trim(), subject: subject.value.trim() };
      for (const [name, input] of Object.entries(inputs)) {
        params[name] = input.value.split(/[\s,]+/).filter(Boolean);
      }
      mount(result, h('p', { class: 'muted' }, 'Asking the server…'));
      try {
        mount(result, answer(await api(`/api/v1/policies/explain${query(params)}`)));
      } catch (error) {
        mount(result, problemView(error));
      }
    },
  },
  h('div', { class: 'filters-row' },
    field('Product (domain/name)', product),
    field('Subject', subject, 'who is asking: an API token’s subject or a person’s name')),
  h('details', { class: 'explain-attributes' },
    h('summary', {}, 'Ask with other attributes (they replace the subject’s token’s)'),
    h('div', { class: 'filters-row' }, ATTRIBUTES.map(([name, label, hint]) =>
      field(label, inputs[name], hint ? `${hint}; separate several with commas` : 'separate several with commas')))),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', id: 'explain-submit' }, 'Explain')));
  return h('section', { class: 'explain', 'aria-labelledby': 'explain-heading' },
    h('h2', { id: 'explain-heading' }, 'Who can see this product, and why?'),
    h('p', { id: 'explain-scope', class: 'muted' }, isAdmin(caller)
      ? 'Any product, for any person or API token.'
      : `Products of the domains you own (${owned.join(', ')}), for any person or API token: what the server would decide, and the policy that decides it.`),
    h('p', {}, 'The server’s decision for a subject, with the policy, rule and condition that decided it. Attributes come from the subject’s newest active token unless you give others.'),
    form, result);
}

function answer(explanation) {
  const row = (label, decision, id) => h('tr', { id, dataset: { allowed: String(Boolean(decision?.allowed)) } },
    h('th', { scope: 'row' }, label),
    h('td', {}, h('span', { class: `badge badge-decision badge-${decision?.allowed ? 'allowed' : 'denied'}` },
      decision?.allowed ? 'Allowed' : 'Denied')),
    h('td', {}, decision?.reason || ''),
    h('td', {}, decision?.policy ? h('code', {}, decision.policy) : '—',
      decision?.rule ? [' ', h('span', { class: 'muted' }, decision.rule)] : null),
    h('td', {}, decision?.constraint || (decision?.agreement ? `agreement ${decision.agreement}` : '—')));
  const summary = !explanation.discover?.allowed
    ? `${explanation.subject} may not know that ${explanation.product} exists: it is missing from everything they search or open.`
    : !explanation.read?.allowed
      ? `${explanation.subject} may find ${explanation.product} but not read its ports, schemas and columns.`
      : `${explanation.subject} may find and read ${explanation.product}.`;
  return h('div', { class: 'explain-answer' },
    h('p', { id: 'explain-summary', class: 'explain-summary' }, summary, ' ', productLink(explanation.product)),
    h('table', { id: 'explain-table' },
      h('caption', {}, `Decisions for ${explanation.subject} on ${explanation.product}`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Action'), h('th', { scope: 'col' }, 'Decision'), h('th', { scope: 'col' }, 'Why'),
        h('th', { scope: 'col' }, 'Deciding policy and rule'), h('th', { scope: 'col' }, 'Condition'))),
      h('tbody', {},
        row('Find (know it exists)', explanation.discover, 'explain-discover'),
        row('Read (ports, schemas, columns)', explanation.read, 'explain-read'))));
}
