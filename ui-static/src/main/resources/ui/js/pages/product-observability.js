// Observability on the product page: Subscribe (signed in), the product's health with its reasons,
// its schema history with breaking changes and who they affect, and its incidents. The health,
// schema-change and incident endpoints may not exist on a server: a section whose endpoint answers
// 401, 403 or 404 is left out.
import { h, mount, when } from '../dom.js';
import { signedIn } from '../session.js';
import { problemView } from '../problems.js';
import { route } from '../links.js';
import { optional, words } from '../exchange.js';
import { healthBadge, incidentBadge, subscribeForm } from '../observability.js';

/** The Subscribe button and the panel it opens (signed in only). */
export function subscribeAction(product) {
  if (!signedIn()) return null;
  const key = `${product.domain}/${product.name}`;
  const panel = h('div', { id: 'subscribe-panel' });
  const button = h('button', {
    type: 'button', id: 'subscribe-button', class: 'button-secondary',
    'aria-expanded': 'false', 'aria-controls': 'subscribe-panel',
    onclick: () => {
      const opening = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(opening));
      if (!opening) {
        mount(panel);
        return;
      }
      mount(panel, subscribeForm({
        product: key,
        onCancel: () => {
          mount(panel);
          button.setAttribute('aria-expanded', 'false');
          button.focus();
        },
      }));
      panel.querySelector('input')?.focus();
    },
  }, 'Subscribe');
  return h('div', { class: 'subscribe-actions' }, h('p', { class: 'actions' }, button), panel);
}

/** The health badge for the page header, or null when the server says nothing about health. */
export function healthHeaderBadge(health, product) {
  const value = optional(health);
  const status = value && !(value instanceof Error) ? value.status : product.health;
  return status ? healthBadge(status, { id: 'product-health-badge' }) : null;
}

function reasonsList(reasons) {
  if (!reasons || reasons.length === 0) return null;
  return h('ul', { class: 'reasons' }, reasons.map((r) => h('li', { dataset: { code: r.code || '' } },
    healthBadge(r.status), r.port ? h('code', {}, r.port) : null, r.port ? ': ' : null,
    r.message || words(r.code || ''))));
}

/** Health: the product's status, since when, why, per port, and the history behind a disclosure. */
export function healthSection(result) {
  const value = optional(result);
  if (value === null) return null;
  const section = h('section', { 'aria-labelledby': 'health-heading', id: 'health' },
    h('h2', { id: 'health-heading' }, 'Health'));
  if (value instanceof Error) {
    section.append(problemView(value));
    return section;
  }
  section.append(h('p', { class: 'status-line' }, healthBadge(value.status || 'unknown'),
    value.since ? h('span', {}, `since ${when(value.since)}`) : null));
  section.append(reasonsList(value.reasons)
    || h('p', { class: 'muted' }, value.status === 'healthy' ? 'Every objective is met.' : 'No reasons recorded.'));
  const ports = value.ports || [];
  if (ports.length) {
    section.append(h('table', { class: 'listing' },
      h('caption', {}, 'Health of each output port'),
      h('thead', {}, h('tr', {}, ['Port', 'Status', 'Since', 'Reasons'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ports.map((p) => h('tr', { dataset: { port: p.port } },
        h('th', { scope: 'row' }, h('code', {}, p.port)),
        h('td', {}, healthBadge(p.status)),
        h('td', {}, when(p.since)),
        h('td', {}, (p.reasons || []).map((r) => r.message || r.code).join('; ')))))));
  }
  const history = value.history || [];
  if (history.length) {
    section.append(h('details', { class: 'history' },
      h('summary', {}, `History (${history.length})`),
      h('table', { class: 'listing' },
        h('caption', {}, 'Health changes, newest first'),
        h('thead', {}, h('tr', {}, ['When', 'Port', 'From', 'To', 'Why'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, history.map((c) => h('tr', {},
          h('td', {}, when(c.at)),
          h('td', {}, c.port ? h('code', {}, c.port) : 'product'),
          h('td', {}, c.previous ? healthBadge(c.previous) : '—'),
          h('td', {}, healthBadge(c.status)),
          h('td', {}, (c.reasons || []).map((r) => r.message || r.code).join('; '))))))));
  }
  return section;
}

/** Schema history: each output port's observed versions, newest first, breaking changes marked. */
export function schemaChangesSection(result) {
  const value = optional(result);
  if (value === null) return null;
  const section = h('section', { 'aria-labelledby': 'schema-history-heading', id: 'schema-history' },
    h('h2', { id: 'schema-history-heading' }, 'Schema history'));
  if (value instanceof Error) {
    section.append(problemView(value));
    return section;
  }
  const ports = Array.isArray(value) ? value : [];
  if (ports.every((p) => !(p.versions || []).length)) {
    section.append(h('p', { class: 'muted' }, 'No schema has been observed for the output ports yet.'));
    return section;
  }
  for (const port of ports) {
    const versions = port.versions || [];
    if (!versions.length) continue;
    section.append(h('article', { class: 'port', dataset: { port: port.port } },
      h('h3', {}, port.port, port.dataset ? h('span', { class: 'type-label' }, ` ${port.dataset}`) : null),
      h('ol', { class: 'revisions', reversed: true }, versions.map((v, i) => h('li', {
        value: String(v.version), class: v.breaking ? 'schema-version breaking' : 'schema-version',
        dataset: { version: String(v.version), breaking: String(Boolean(v.breaking)) },
      },
      h('details', { open: i === 0 || v.breaking },
        h('summary', {}, `Version ${v.version}, observed ${when(v.observedAt)} `,
          v.breaking ? h('span', { class: 'badge badge-breaking' }, 'Breaking') : null),
        (v.columns || []).length ? h('p', { class: 'muted' }, 'Columns: ', v.columns.join(', ')) : null,
        changesTable(v))))),
      affectedView(port.affected)));
  }
  return section;
}

function changesTable(version) {
  const changes = version.changes || [];
  if (!changes.length) return h('p', { class: 'muted' }, version.version === 1 ? 'First version seen.' : 'No column changed.');
  return h('table', { class: 'diff' },
    h('caption', {}, `Changes in version ${version.version}`),
    h('thead', {}, h('tr', {}, ['Column', 'Change', 'Before', 'After', 'Breaking', 'Reads affected'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, changes.map((c) => h('tr', { class: c.breaking ? 'breaking' : null },
      h('th', { scope: 'row' }, h('code', {}, c.field || '')),
      h('td', {}, words(c.kind || '')),
      h('td', {}, c.before ? h('code', {}, c.before) : ''),
      h('td', {}, c.after ? h('code', {}, c.after) : ''),
      h('td', {}, c.breaking ? h('strong', {}, 'yes') : 'no'),
      h('td', {}, (c.impacts || []).join(', '))))));
}

function affectedView(affected) {
  if (!affected || !affected.length) return h('p', { class: 'muted' }, 'No consumer you may see is affected.');
  return h('div', { class: 'affected' }, h('h4', {}, `Affected consumers (${affected.length})`),
    h('ul', {}, affected.map((c) => h('li', {}, `${words(c.kind || '')}: `, h('code', {}, c.name),
      c.domain ? ` (${c.domain})` : null, c.purpose ? ` for ${c.purpose}` : null))));
}

/** The product's incidents that are not resolved, with a link to all of them. */
export function incidentsSection(result, product) {
  const value = optional(result);
  if (value === null) return null;
  const key = `${product.domain}/${product.name}`;
  const section = h('section', { 'aria-labelledby': 'product-incidents-heading', id: 'product-incidents' },
    h('h2', { id: 'product-incidents-heading' }, 'Incidents'));
  if (value instanceof Error) {
    section.append(problemView(value));
    return section;
  }
  const items = (Array.isArray(value) ? value : []).filter((i) => i.state !== 'resolved');
  section.append(items.length === 0
    ? h('p', { class: 'ok' }, 'No open incident.')
    : h('ul', { class: 'incidents' }, items.map((i) => h('li', { dataset: { id: i.id, state: i.state } },
      incidentBadge(i.state), ' ', h('strong', {}, i.title || words(i.kind || '')),
      i.port ? [' on ', h('code', {}, i.port)] : null,
      ` · opened ${when(i.openedAt)}`))),
  h('p', {}, h('a', { href: route('/incidents', { product: key, state: 'any' }), id: 'product-incidents-link' }, 'All incidents of this product')));
  return section;
}
