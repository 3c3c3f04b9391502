// Incidents across the mesh (or one domain or product), filtered by state: each with its product,
// port, kind, severity, who opened it and its activity; Acknowledge and Resolve for the product's
// deciders (admins and the domain's owners), Comment for anyone signed in. On a server without
// incidents (404) the page says so.
import { h, mount, when } from '../dom.js';
import { api, ApiError, query } from '../api.js';
import { signedIn } from '../session.js';
import { principal, decides } from '../auth.js';
import { problemView } from '../problems.js';
import { route } from '../links.js';
import { productLink, field, words, showFieldErrors, clearFieldErrors } from '../exchange.js';
import { incidentBadge } from '../observability.js';

const KINDS = {
  'failed-run': 'Failed run', 'breaking-change': 'Breaking schema change', 'slo-breach': 'SLO breach',
  'toxic-combination': 'Toxic combination', manual: 'Opened by hand',
};

const STATES = [['open', 'Open'], ['acknowledged', 'Acknowledged'], ['resolved', 'Resolved'], ['any', 'Any state']];

export async function render(main, { params, signal }) {
  document.title = 'Incidents · Tessera';
  const filter = {
    state: params.get('state') || 'open', domain: params.get('domain') || '', product: params.get('product') || '',
  };
  const [incidents, caller, domains] = await Promise.allSettled([
    api(`/api/v1/incidents${query({ state: filter.state === 'any' ? '' : filter.state, domain: filter.domain, product: filter.product })}`, { signal }),
    principal(),
    api('/api/v1/domains', { signal }),
  ]);
  signal.throwIfAborted();
  if (incidents.status === 'rejected' && incidents.reason instanceof ApiError && incidents.reason.status === 404) {
    mount(main, h('h1', {}, 'Incidents'),
      h('p', { class: 'muted', id: 'incidents-unavailable' }, 'This catalog server does not track incidents.'));
    return;
  }
  const status = h('p', { id: 'incidents-status', role: 'status', class: 'ok' });
  mount(main,
    h('h1', {}, 'Incidents'),
    h('p', { class: 'lead' }, 'Failed runs, breaking schema changes, SLO breaches and incidents opened by hand, for the products you may see.'),
    filters(filter, domains.status === 'fulfilled' ? domains.value : []),
    status,
    incidents.status === 'rejected'
      ? problemView(incidents.reason)
      : list(incidents.value, caller.value || null, status, filter));
}

function filters(filter, domains) {
  const state = h('select', { id: 'incident-state' }, STATES.map(([v, label]) => h('option', { value: v, selected: v === filter.state }, label)));
  const names = (Array.isArray(domains) ? domains : domains.items || []).map((d) => d.name || d).filter((d) => typeof d === 'string');
  const domain = h('select', { id: 'incident-domain' },
    h('option', { value: '' }, 'Every domain'),
    names.map((d) => h('option', { value: d, selected: d === filter.domain }, d)),
    filter.domain && !names.includes(filter.domain) ? h('option', { value: filter.domain, selected: true }, filter.domain) : null);
  return h('form', {
    class: 'filters-row', id: 'incident-filters', 'aria-label': 'Filter incidents',
    onsubmit: (e) => {
      e.preventDefault();
      location.hash = route('/incidents', { state: state.value, domain: domain.value, product: filter.product && !domain.value ? filter.product : '' });
    },
  },
  field('State', state),
  field('Domain', domain),
  filter.product ? h('p', {}, 'Product: ', productLink(filter.product), ' ',
    h('a', { href: route('/incidents', { state: filter.state, domain: filter.domain }) }, 'show every product')) : null,
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', id: 'incident-filter-submit' }, 'Show')));
}

function list(incidents, caller, status, filter) {
  const items = Array.isArray(incidents) ? incidents : incidents?.items || [];
  if (!items.length) {
    return h('p', { class: 'muted', id: 'no-incidents' },
      filter.state === 'any' ? 'No incident.' : `No ${filter.state} incident.`);
  }
  return h('ul', { class: 'requests', id: 'incidents' }, items.map((i) => {
    const item = h('li', { class: 'request incident', id: `incident-${i.id}` });
    fill(item, i, caller, status);
    return item;
  }));
}

function fill(item, i, caller, status) {
  item.dataset.id = i.id;
  item.dataset.state = i.state;
  item.dataset.product = i.product;
  const domain = String(i.product || '').split('/')[0];
  const decider = caller && decides(caller, domain);
  const rows = [
    ['Product', productLink(i.product)],
    ['Port', i.port ? h('code', {}, i.port) : null],
    ['Kind', i.kind ? KINDS[i.kind] || words(i.kind) : null],
    ['Severity', i.severity],
    ['Opened', `${when(i.openedAt)}${i.openedBy ? ` by ${i.openedBy}` : ''}`],
    ['Acknowledged', i.acknowledgedAt ? when(i.acknowledgedAt) : null],
    ['Resolved', i.resolvedAt ? `${when(i.resolvedAt)}${i.resolvedBy ? ` by ${i.resolvedBy}` : ''}` : null],
    ['Assignee', i.assignee],
  ].filter(([, v]) => v);
  const activity = i.activity || [];
  mount(item,
    h('h2', { class: 'h3', tabindex: '-1' }, i.title || words(i.kind || 'incident'), ' ', incidentBadge(i.state)),
    i.detail ? h('p', {}, i.detail) : null,
    h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    activity.length ? h('details', { class: 'history' },
      h('summary', {}, `Activity (${activity.length})`),
      h('ul', {}, activity.map((a) => h('li', {}, `${when(a.at)} · ${a.actor || ''} · ${words(a.action || '')}`, a.body ? [': ', a.body] : null))))
      : null,
    signedIn() ? actions(item, i, decider, caller, status) : null);
}

function actions(item, i, decider, caller, status) {
  const result = h('div', { role: 'status' });
  const note = h('input', { id: `incident-note-${i.id}`, type: 'text' });
  const comment = h('textarea', { id: `incident-comment-${i.id}`, rows: 2 });
  const act = async (form, path, body, done) => {
    mount(result, 'Sending…');
    try {
      const updated = await api(`/api/v1/incidents/${encodeURIComponent(i.id)}/${path}`, { method: 'POST', body: JSON.stringify(body) });
      fill(item, updated, caller, status);
      mount(status, done);
      item.querySelector('h2')?.focus();
    } catch (error) {
      const errors = error instanceof ApiError ? error.problem.errors || [] : [];
      const unplaced = showFieldErrors(form, errors, { body: comment.id, note: note.id });
      mount(result, errors.length && !unplaced.length ? null : problemView(error));
    }
  };
  const transition = decider && i.state !== 'resolved' ? h('form', {
    class: 'decision-form', novalidate: true, 'aria-label': `Acknowledge or resolve ${i.title || i.id}`,
    onsubmit: (e) => {
      e.preventDefault();
      const path = e.submitter?.value || 'resolve';
      const body = note.value.trim() ? { note: note.value.trim() } : {};
      act(e.currentTarget, path, body, `Incident ${path === 'acknowledge' ? 'acknowledged' : 'resolved'}.`);
    },
  }, field('Note (optional)', note),
  h('div', { class: 'form-actions' },
    i.state === 'open' ? h('button', { type: 'submit', value: 'acknowledge', id: `acknowledge-${i.id}` }, 'Acknowledge') : null,
    h('button', { type: 'submit', value: 'resolve', class: 'button-secondary', id: `resolve-${i.id}` }, 'Resolve'))) : null;
  const commentForm = h('form', {
    class: 'decision-form', novalidate: true, 'aria-label': `Comment on ${i.title || i.id}`,
    onsubmit: (e) => {
      e.preventDefault();
      clearFieldErrors(e.currentTarget);
      if (!comment.value.trim()) {
        showFieldErrors(e.currentTarget, [{ field: 'body', message: 'Write a comment first.' }], { body: comment.id });
        return;
      }
      act(e.currentTarget, 'comments', { body: comment.value.trim() }, 'Comment added.');
    },
  }, field('Comment', comment),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button-secondary', id: `comment-${i.id}` }, 'Add comment')));
  return h('div', { class: 'incident-actions' }, transition, commentForm, result);
}
