// The governance console's API tokens (admins): every token without its secret, newest first, with
// what it grants and whether it still works; Revoke (after a confirmation) stops one at once
// (`DELETE /api/v1/tokens/{id}`). Tokens are created through the API, as before.
import { h, mount, when } from '../dom.js';
import { api, query } from '../api.js';
import { principal } from '../auth.js';
import { problemView } from '../problems.js';
import { route } from '../links.js';
import { field } from '../exchange.js';
import { consoleHeader, refused } from '../governance.js';

const PATH = '/governance/tokens';

export async function render(main, { params, signal }) {
  document.title = 'Tokens · Governance · Tessera';
  const caller = await principal();
  signal.throwIfAborted();
  if (refused(main, caller, 'admin', 'Managing API tokens')) return;
  const subject = params.get('subject') || '';
  let tokens;
  let failure = null;
  try {
    tokens = await api(`/api/v1/tokens${query({ subject })}`, { signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    failure = error;
  }
  signal.throwIfAborted();
  const status = h('p', { id: 'tokens-status', role: 'status', class: 'ok' });
  mount(main,
    consoleHeader(PATH, caller, 'API tokens',
      'The tokens pipelines, tools and people sign in with, newest first. Secrets are never shown again after a token is created; revoking one stops it at once.'),
    filter(subject),
    status,
    failure ? problemView(failure) : table(tokens, status));
}

function filter(subject) {
  const input = h('input', { id: 'tokens-subject', value: subject, autocomplete: 'off' });
  return h('form', {
    class: 'filters-row', id: 'tokens-filter', 'aria-label': 'Filter tokens',
    onsubmit: (event) => {
      event.preventDefault();
      location.hash = route(PATH, { subject: input.value.trim() });
    },
  },
  field('Subject', input, 'show only the tokens of this subject'),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', id: 'tokens-filter-submit' }, 'Show')));
}

function state(t) {
  if (t.revokedAt) return ['revoked', `Revoked ${when(t.revokedAt)}`];
  if (t.expiresAt && Date.parse(t.expiresAt) <= Date.now()) return ['expired', `Expired ${when(t.expiresAt)}`];
  return ['active', 'Active'];
}

function table(tokens, status) {
  if (!tokens.length) return h('p', { class: 'muted', id: 'no-tokens' }, 'No token.');
  return h('table', { id: 'tokens-table' },
    h('caption', { class: 'visually-hidden' }, 'API tokens, newest first'),
    h('thead', {}, h('tr', {}, ['Subject', 'Grants', 'Description', 'Created', 'Expires', 'State', 'Action']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, tokens.map((t) => {
      const tr = h('tr', { class: 'token-row' });
      fill(tr, t, status);
      return tr;
    })));
}

function grants(t) {
  const attributes = Object.entries(t.attributes || {})
    .map(([k, v]) => `${k}: ${[...v].join(', ')}`);
  return h('ul', { class: 'plain-list' },
    h('li', {}, `Roles: ${(t.roles || []).join(', ') || 'none'}`),
    t.domains?.length ? h('li', {}, `Domains: ${t.domains.join(', ')}`) : null,
    t.namespaces?.length ? h('li', {}, `Namespaces: ${t.namespaces.join(', ')}`) : null,
    attributes.length ? h('li', {}, `Attributes: ${attributes.join('; ')}`) : null,
    t.agent ? h('li', {}, `AI agent${t.onBehalfOf ? ` on behalf of ${t.onBehalfOf}` : ''}`) : null);
}

function fill(tr, t, status) {
  const [kind, label] = state(t);
  tr.dataset.id = t.id;
  tr.dataset.subject = t.subject;
  tr.dataset.state = kind;
  const action = h('td', {});
  mount(tr,
    h('th', { scope: 'row' }, t.subject),
    h('td', {}, grants(t)),
    h('td', {}, t.description || ''),
    h('td', {}, `${when(t.createdAt)}${t.createdBy ? ` by ${t.createdBy}` : ''}`),
    h('td', {}, t.expiresAt ? when(t.expiresAt) : 'never'),
    h('td', {}, h('span', { class: `badge badge-token badge-token-${kind}` }, label)),
    action);
  if (kind === 'active') offerRevoke(action, tr, t, status);
}

function offerRevoke(cell, tr, t, status) {
  mount(cell, h('button', {
    type: 'button', class: 'button-danger revoke-token', 'aria-label': `Revoke the token of ${t.subject}`,
    onclick: () => confirmRevoke(cell, tr, t, status),
  }, 'Revoke'));
}

function confirmRevoke(cell, tr, t, status) {
  const yes = h('button', {
    type: 'button', class: 'button-danger confirm-revoke',
    onclick: async () => {
      yes.disabled = true;
      try {
        const revoked = await api(`/api/v1/tokens/${encodeURIComponent(t.id)}`, { method: 'DELETE' });
        fill(tr, revoked, status);
        status.textContent = `The token of ${t.subject} is revoked: it stops working at once.`;
        tr.querySelector('th')?.setAttribute('tabindex', '-1');
        tr.querySelector('th')?.focus();
      } catch (error) {
        mount(cell, problemView(error));
      }
    },
  }, 'Yes, revoke');
  mount(cell,
    h('p', { class: 'confirm' }, `Revoke the token of ${t.subject}? Everything using it stops working.`),
    yes, ' ',
    h('button', { type: 'button', class: 'button-secondary', onclick: () => { offerRevoke(cell, tr, t, status); cell.querySelector('button')?.focus(); } }, 'Keep it'));
  yes.focus();
}
