// My requests and agreements: the caller's access requests with their state and history (withdraw
// an open one), and the agreements the caller holds.
import { h, mount, when } from '../dom.js';
import { api, query } from '../api.js';
import { signedIn } from '../session.js';
import { problemView } from '../problems.js';
import {
  requestBadge, productLink, requestFacts, transitionsTable, optional, field,
} from '../exchange.js';

export async function render(main, { signal }) {
  document.title = 'My requests · Tessera';
  if (!signedIn()) {
    mount(main, h('h1', {}, 'My requests'),
      h('p', {}, 'Sign in to see the access requests you made and the agreements you hold.'));
    return;
  }
  const [requests, agreements] = await Promise.allSettled([
    api(`/api/v1/access-requests${query({ view: 'mine' })}`, { signal }),
    api(`/api/v1/agreements${query({ view: 'mine' })}`, { signal }),
  ]);
  signal.throwIfAborted();
  mount(main,
    h('h1', {}, 'My requests'),
    h('p', { class: 'lead' }, 'Access you asked for, newest first, and the agreements you hold. Find a product and use ',
      h('strong', {}, 'Request access'), ' on its page to ask for more.'),
    h('p', { id: 'requests-status', role: 'status', class: 'ok' }),
    requestsSection(requests),
    agreementsSection(agreements));
}

function requestsSection(result) {
  const section = h('section', { 'aria-labelledby': 'my-requests-heading', id: 'my-requests' },
    h('h2', { id: 'my-requests-heading' }, 'Requests'));
  const value = optional(result);
  if (value === null || value instanceof Error) {
    section.append(problemView(value || result.reason));
    return section;
  }
  const items = Array.isArray(value) ? value : value.items || [];
  section.append(items.length === 0
    ? h('p', { class: 'muted' }, 'You have not asked for access to any product yet.')
    : h('ul', { class: 'requests' }, items.map((r) => requestItem(r))));
  return section;
}

function requestItem(r) {
  const item = h('li', { class: 'request', id: `request-${r.id}`, dataset: { id: r.id, state: r.state, product: r.product } });
  fill(item, r);
  return item;
}

function fill(item, r) {
  item.dataset.state = r.state;
  const reason = h('input', { id: `withdraw-reason-${r.id}`, type: 'text' });
  const result = h('div', { role: 'status' });
  const withdraw = r.state === 'requested' ? h('form', {
    class: 'decision-form', novalidate: true, 'aria-label': `Withdraw the request for ${r.product}`,
    onsubmit: async (e) => {
      e.preventDefault();
      mount(result, 'Withdrawing…');
      try {
        const body = reason.value.trim() ? { reason: reason.value.trim() } : {};
        const updated = await api(`/api/v1/access-requests/${encodeURIComponent(r.id)}/withdraw`, { method: 'POST', body: JSON.stringify(body) });
        fill(item, updated);
        mount(document.getElementById('requests-status'), `Request for ${r.product} withdrawn.`);
        item.querySelector('h3')?.focus();
      } catch (error) {
        mount(result, problemView(error));
      }
    },
  }, field('Reason for withdrawing (optional)', reason),
  h('button', { type: 'submit', class: 'button-danger', id: `withdraw-${r.id}` }, 'Withdraw request'),
  result) : null;
  mount(item,
    h('h3', { tabindex: '-1' }, productLink(r.product), ' ', requestBadge(r.state)),
    requestFacts(r),
    h('details', { class: 'history' },
      h('summary', {}, `History (${(r.transitions || []).length})`),
      transitionsTable(r)),
    withdraw);
}

function agreementsSection(result) {
  const section = h('section', { 'aria-labelledby': 'my-agreements-heading', id: 'my-agreements' },
    h('h2', { id: 'my-agreements-heading' }, 'Agreements'));
  const value = optional(result);
  if (value === null || value instanceof Error) {
    section.append(problemView(value || result.reason));
    return section;
  }
  const items = Array.isArray(value) ? value : value.items || [];
  section.append(items.length === 0
    ? h('p', { class: 'muted' }, 'You hold no agreement yet. An approved request becomes one.')
    : h('table', { class: 'listing' },
      h('caption', {}, 'Agreements you hold'),
      h('thead', {}, h('tr', {}, ['Product', 'Port', 'State', 'Purpose', 'From', 'Until'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, items.map((a) => h('tr', { dataset: { id: a.id || '' } },
        h('th', { scope: 'row' }, productLink(a.product)),
        h('td', {}, a.port || 'the whole product'),
        h('td', {}, a.state ? requestBadge(a.state) : ''),
        h('td', {}, a.purposeCode || a.purpose || ''),
        h('td', {}, when(a.start)),
        h('td', {}, a.expiresAt ? when(a.expiresAt) : '—'))))));
  return section;
}
