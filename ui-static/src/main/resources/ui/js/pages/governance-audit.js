// The governance console's audit log (admins): every write, grant, revocation and refusal, newest
// first, 25 at a time, filtered by subject, entity, action and time (`GET /api/v1/audit?order=newest`).
// The filters and the page are in the URL, so a view can be shared; "Older entries" follows the
// server's `nextCursor`.
import { h, mount, when } from '../dom.js';
import { api, query } from '../api.js';
import { principal } from '../auth.js';
import { problemView } from '../problems.js';
import { route, hrefForIri } from '../links.js';
import { field } from '../exchange.js';
import { consoleHeader, refused } from '../governance.js';

const PATH = '/governance/audit';
const LIMIT = 25;
const FILTERS = ['subject', 'entity', 'action', 'from', 'to'];

export async function render(main, { params, signal }) {
  document.title = 'Audit log · Governance · Tessera';
  const caller = await principal();
  signal.throwIfAborted();
  if (refused(main, caller, 'admin', 'The audit log')) return;
  const filter = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) || '']));
  const cursor = params.get('cursor') || '';
  let page;
  let failure = null;
  try {
    page = await api(`/api/v1/audit${query({ ...filter, cursor, order: 'newest', limit: LIMIT })}`, { signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    failure = error;
  }
  signal.throwIfAborted();
  mount(main,
    consoleHeader(PATH, caller, 'Audit log',
      'Every write, grant, revocation and refused request, newest first. Reads are not recorded, except admins’ SPARQL queries and agents’ tool calls.'),
    filters(filter),
    failure ? problemView(failure) : entries(page, filter, cursor));
}

/** `2026-11-01T00:00:00Z` as a `datetime-local` value in UTC, and back. */
const toLocal = (iso) => (iso ? iso.replace(/:\d\d(\.\d+)?Z$/, '').replace(/Z$/, '') : '');
const toInstant = (local) => (local ? `${local.length === 16 ? `${local}:00` : local}Z` : '');

function filters(filter) {
  const inputs = {
    subject: h('input', { id: 'audit-subject', value: filter.subject, autocomplete: 'off' }),
    entity: h('input', { id: 'audit-entity', value: filter.entity, autocomplete: 'off' }),
    action: h('input', { id: 'audit-action', value: filter.action, autocomplete: 'off', list: 'audit-actions' }),
    from: h('input', { id: 'audit-from', type: 'datetime-local', value: toLocal(filter.from) }),
    to: h('input', { id: 'audit-to', type: 'datetime-local', value: toLocal(filter.to) }),
  };
  return h('form', {
    class: 'filters-row audit-filters', id: 'audit-filters', 'aria-label': 'Filter the audit log',
    onsubmit: (event) => {
      event.preventDefault();
      location.hash = route(PATH, {
        subject: inputs.subject.value.trim(), entity: inputs.entity.value.trim(), action: inputs.action.value.trim(),
        from: toInstant(inputs.from.value), to: toInstant(inputs.to.value),
      });
    },
  },
  field('Who (subject)', inputs.subject, 'exactly as it was recorded, e.g. sales-owner'),
  field('What (entity)', inputs.entity, 'an IRI or id, e.g. https://…/product/sales/orders'),
  field('Action', inputs.action, 'e.g. apply, token-create, authorize'),
  h('datalist', { id: 'audit-actions' },
    ['apply', 'retire', 'delete', 'token-create', 'token-revoke', 'authenticate', 'authorize', 'sparql', 'decision', 'mcp-call']
      .map((a) => h('option', { value: a }))),
  field('From (UTC)', inputs.from),
  field('Before (UTC)', inputs.to),
  h('div', { class: 'form-actions' },
    h('button', { type: 'submit', id: 'audit-filter-submit' }, 'Show'),
    h('a', { href: `#${PATH}`, class: 'button-secondary', id: 'audit-clear' }, 'Clear filters')));
}

const OUTCOMES = { denied: 'refused', unauthenticated: 'refused' };

function entries(page, filter, cursor) {
  const items = page.items || [];
  const older = page.nextCursor
    ? h('a', { href: route(PATH, { ...filter, cursor: page.nextCursor }), class: 'button-secondary', id: 'audit-older', rel: 'next' }, 'Older entries')
    : null;
  const newest = cursor ? h('a', { href: route(PATH, filter), class: 'button-secondary', id: 'audit-newest' }, 'Back to the newest') : null;
  const status = h('p', { id: 'audit-status', role: 'status', class: 'result-count' },
    items.length
      ? `${items.length} entr${items.length === 1 ? 'y' : 'ies'}${cursor ? ', older than the previous page' : ', the newest first'}${page.nextCursor ? '; there are older ones' : ''}.`
      : 'No audit entry matches.');
  if (!items.length) return [status, newest];
  return [status,
    h('table', { id: 'audit-table', class: 'audit' },
      h('caption', { class: 'visually-hidden' }, 'Audit entries, newest first'),
      h('thead', {}, h('tr', {}, ['When', 'Who', 'Action', 'What', 'Outcome', 'Detail']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, items.map(row))),
    h('div', { class: 'form-actions pager' }, newest, older)];
}

function row(e) {
  const href = e.entity ? hrefForIri(e.entity) : null;
  const refusal = OUTCOMES[e.outcome];
  return h('tr', { class: 'audit-entry', dataset: { id: String(e.id), subject: e.subject, action: e.action } },
    h('td', {}, h('time', { datetime: e.occurredAt }, when(e.occurredAt))),
    h('td', { class: 'audit-subject' }, e.subject),
    h('td', {}, h('code', {}, e.action)),
    h('td', { class: 'audit-entity' }, e.entity ? (href ? h('a', { href }, e.entity) : e.entity) : '—',
      e.beforeRevision != null || e.afterRevision != null
        ? h('span', { class: 'muted' }, ` (revision ${e.beforeRevision ?? '—'} → ${e.afterRevision ?? '—'})`) : null),
    h('td', {}, h('span', { class: `badge badge-outcome badge-outcome-${refusal ? 'refused' : 'ok'}` },
      refusal ? `Refused (${e.outcome})` : e.outcome)),
    h('td', {}, e.detail || ''));
}
